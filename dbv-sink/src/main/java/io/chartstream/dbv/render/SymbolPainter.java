package io.chartstream.dbv.render;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.StringList;
import io.chartstream.schema.avro.TileFeature;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for {@code SY(NAME)} symbols, whose shapes are in the PresLib's symbol library and
 * not in the tile: a small marker at the feature's anchor, a diamond for buoys, beacons, light
 * floats and vessels (names {@code BOY…}, {@code BCN…}, {@code LITFLT…}, {@code LITVES…}), a
 * circle otherwise. It is filled with the feature's first colour token; a feature whose style
 * names none (a buoy has only {@code SY}) takes the first S-57 {@code COLOUR} it carries, so red
 * and green buoys stay apart; else a neutral grey. Only the first symbol is drawn: the next ones
 * (topmarks, light flares) sit on the same spot. Sounding digit symbols are the
 * {@link SoundingPainter}'s.
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class SymbolPainter {
  /** Marker radius, pixels. */
  static final double RADIUS = 4;
  /** S-57 COLOUR codes 1 to 13 (white, black, red, green, blue, yellow, grey, brown, amber, violet, orange, magenta, pink). */
  private static final Map<Long, Color> S57_COLOURS = Map.ofEntries(
      Map.entry(1L, Color.WHITE), Map.entry(2L, Color.BLACK), Map.entry(3L, new Color(0xd0202a)),
      Map.entry(4L, new Color(0x2a9d3a)), Map.entry(5L, new Color(0x2050c0)), Map.entry(6L, new Color(0xf2d21b)),
      Map.entry(7L, Color.GRAY), Map.entry(8L, new Color(0x8b5a2b)), Map.entry(9L, new Color(0xffbf00)),
      Map.entry(10L, new Color(0x8a2be2)), Map.entry(11L, new Color(0xff8c00)), Map.entry(12L, new Color(0xd02090)),
      Map.entry(13L, new Color(0xffb6c1)));

  private SymbolPainter() {}

  static void paint(Piece piece, PaintContext context) {
    if (SoundingPainter.isSounding(piece)) {
      return;
    }
    Optional<String> name = piece.named("SY").stream().map(s -> s.arg(0).orElse("")).filter(s -> !s.isEmpty()).findFirst();
    if (name.isEmpty()) {
      return;
    }
    Optional<Point2D> anchor = piece.anchor(context.viewport(), context.wkb());
    if (anchor.isEmpty()) {
      return;
    }
    Shape marker = marker(name.get(), anchor.get());
    Graphics2D g = context.g();
    context.antialias(true);
    g.setColor(fill(piece, context));
    g.fill(marker);
    g.setStroke(new BasicStroke(1f));
    g.setColor(context.colours().firstOf(piece.feature(), Color.DARK_GRAY, "CHBLK"));
    g.draw(marker);
  }

  private static Shape marker(String name, Point2D at) {
    boolean diamond = name.startsWith("BOY") || name.startsWith("BCN") || name.startsWith("LITFLT") || name.startsWith("LITVES");
    double x = at.getX();
    double y = at.getY();
    if (!diamond) {
      return new Ellipse2D.Double(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
    }
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x, y - RADIUS - 1);
    path.lineTo(x + RADIUS, y);
    path.lineTo(x, y + RADIUS + 1);
    path.lineTo(x - RADIUS, y);
    path.closePath();
    return path;
  }

  private static Color fill(Piece piece, PaintContext context) {
    for (Instruction instruction : piece.instructions()) {
      for (String arg : instruction.args()) {
        Optional<Color> colour = ownToken(piece.feature(), arg, context);
        if (colour.isPresent()) {
          return colour.get();
        }
      }
    }
    return firstS57Colour(piece.feature().getAttributes().get("COLOUR")).filter(S57_COLOURS::containsKey).map(S57_COLOURS::get).orElse(Color.GRAY);
  }

  /** The first code of a COLOUR attribute, which the ingest gives as an integer or a string list. */
  private static Optional<Long> firstS57Colour(Object value) {
    try {
      return switch (value) {
        case IntList list when !list.getValues().isEmpty() -> Optional.of(list.getValues().getFirst());
        case StringList list when !list.getValues().isEmpty() -> Optional.of(Long.parseLong(list.getValues().getFirst().strip()));
        case Number number -> Optional.of(number.longValue());
        case String text -> Optional.of(Long.parseLong(text.split(",")[0].strip()));
        case null, default -> Optional.empty();
      };
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A token of the feature's own style (the first one its instructions name). */
  private static Optional<Color> ownToken(TileFeature feature, String arg, PaintContext context) {
    if (feature.getStyle() == null || !feature.getStyle().getColours().containsKey(arg)) {
      return Optional.empty();
    }
    return context.colours().colour(feature, arg);
  }
}
