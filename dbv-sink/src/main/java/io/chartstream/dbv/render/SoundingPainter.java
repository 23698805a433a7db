package io.chartstream.dbv.render;

import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.TileFeature;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;

/**
 * Draws soundings ({@code SOUNDG} points) as their depth in digits ({@link DepthText}), centred
 * on each point. The depth is the point's Z, else the {@code DEPTH} attribute. The colour follows
 * what the SOUNDG procedure chose: {@code SY(SOUNDS…)} symbols mean at or above the safety depth,
 * drawn in {@code SNDG2} (black by day), else {@code SNDG1} (grey); the tile's styles name those
 * tokens only if some feature used them as text colour, so {@code CHBLK} and {@code CHGRD}, then
 * fixed inks, stand in.
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class SoundingPainter {
  /** Digit height, pixels (about the PresLib's 2.4 mm sounding figures at 0.32 mm per pixel). */
  static final int FONT_PX = 11;

  private SoundingPainter() {}

  /** Whether the painter draws this piece (so the symbol painter leaves its digit symbols alone). */
  static boolean isSounding(Piece piece) {
    return piece.feature().getObjectClass().equals("SOUNDG");
  }

  static void paint(Piece piece, PaintContext context) {
    if (!isSounding(piece)) {
      return;
    }
    Geometry geometry = piece.geometry(context.wkb()).orElse(null);
    if (!(geometry instanceof Puntal) || geometry.isEmpty()) {
      return;
    }
    Graphics2D g = context.g();
    context.antialias(true);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_PX));
    g.setColor(colour(piece, context));
    for (Coordinate point : geometry.getCoordinates()) {
      OptionalDouble depth = Double.isFinite(point.getZ()) ? OptionalDouble.of(point.getZ()) : attributeDepth(piece.feature());
      if (depth.isPresent()) {
        draw(g, DepthText.format(depth.getAsDouble()), depth.getAsDouble() < 0,
            context.viewport().x(point.x), context.viewport().y(point.y));
      }
    }
  }

  private static void draw(Graphics2D g, String text, boolean drying, double x, double y) {
    FontMetrics metrics = g.getFontMetrics();
    float left = (float) (x - metrics.stringWidth(text) / 2.0);
    float baseline = (float) (y + (metrics.getAscent() - metrics.getDescent()) / 2.0);
    g.drawString(text, left, baseline);
    if (drying) {
      g.draw(new Line2D.Double(left, baseline + 1.5, left + metrics.stringWidth(text), baseline + 1.5));
    }
  }

  private static Color colour(Piece piece, PaintContext context) {
    boolean shallow = piece.named("SY").stream().anyMatch(s -> s.arg(0).orElse("").startsWith("SOUNDS"));
    Color fixed = switch (context.colours().palette()) {
      case DAY -> shallow ? Color.BLACK : new Color(0x6f6f6f);
      case DUSK, NIGHT -> shallow ? new Color(0x9a9a9a) : new Color(0x5a5a5a);
    };
    return shallow
        ? context.colours().firstOf(piece.feature(), fixed, "SNDG2", "CHBLK")
        : context.colours().firstOf(piece.feature(), fixed, "SNDG1", "CHGRD");
  }

  private static OptionalDouble attributeDepth(TileFeature feature) {
    Object depth = feature.getAttributes().get("DEPTH");
    if (depth instanceof Number number) {
      return OptionalDouble.of(number.doubleValue());
    }
    if (depth instanceof RealList list && !list.getValues().isEmpty()) {
      return OptionalDouble.of(list.getValues().getFirst());
    }
    return OptionalDouble.empty();
  }
}
