package io.chartstream.dbv.render;

import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.tile.TileFeatures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws RCL tiles into an image from the tile records alone (no symbol library, no source
 * chart): a quick look at what the topology produced, in any S-52 palette.
 *
 * <p>Order: tiles of coarser levels first (a finer chart covers a coarser one where both have
 * data); within a level, every piece of every tile by display priority, areas before lines
 * before points at equal priority, then the texts (TX, TE, soundings) of that level on top, so
 * a fill drawn later never hides a label. The background is {@code NODTA} if any style names it,
 * else a grey.
 *
 * <p>Per piece (see each painter for its rules): {@link AreaPainter} fills ({@code AC}) and
 * hatches ({@code AP}), {@link LinePainter} strokes ({@code LS}, {@code LC}), both clipped to
 * the piece's own tile, since pieces reach into their neighbours' buffer and would otherwise be
 * drawn twice with cut edges showing; {@link SymbolPainter} ({@code SY}),
 * {@link LightSectorPainter} ({@code LG}, {@code AR}), {@link LabelPainter} ({@code TX},
 * {@code TE}) and {@link SoundingPainter} draw at the piece's anchor, whole, since each feature
 * has exactly one anchor. Instructions nobody draws ({@code CS} left unresolved, anything
 * unknown) are skipped; a malformed piece draws what it can and never fails the image.
 *
 * <p>Stateless ({@code @Immutable}): each call has its own canvas and readers, so one renderer
 * may serve many threads.
 */
public final class TileRenderer {
  private static final Comparator<Piece> DRAWING_ORDER = Comparator.comparingInt(Piece::priority)
      .thenComparing(Comparator.comparingInt((Piece p) -> p.feature().getPrimitive()).reversed());

  /**
   * Draws {@code tiles} over {@code area} (EPSG:3395 metres) into a new
   * {@code widthPx} × {@code heightPx} RGB image in {@code palette}. Tiles outside the area are
   * skipped.
   */
  public BufferedImage render(List<RclTile> tiles, Envelope area, int widthPx, int heightPx, Palette palette) {
    Viewport viewport = new Viewport(area, widthPx, heightPx);
    BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Map<Integer, List<Piece>> levels = piecesByLevel(tiles, area);
      ColourBook colours = ColourBook.ofFeatures(levels.values().stream().flatMap(List::stream).map(Piece::feature).toList(), palette);
      PaintContext context = PaintContext.of(g, viewport, colours);
      g.setColor(colours.colour("NODTA").orElse(background(palette)));
      g.fillRect(0, 0, widthPx, heightPx);
      for (List<Piece> level : levels.values()) {
        level.sort(DRAWING_ORDER);
        level.forEach(piece -> paintGraphics(piece, context));
        level.forEach(piece -> paintTexts(piece, context));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The grey behind everything when no style names {@code NODTA}. */
  static Color background(Palette palette) {
    return switch (palette) {
      case DAY -> new Color(0xbcbcbc);
      case DUSK -> new Color(0x5e5e5e);
      case NIGHT -> new Color(0x2b2b2b);
    };
  }

  private static Map<Integer, List<Piece>> piecesByLevel(List<RclTile> tiles, Envelope area) {
    Map<Integer, List<Piece>> levels = new TreeMap<>();
    for (RclTile tile : tiles) {
      Envelope square = TileEnvelope.of(tile);
      if (!square.intersects(area)) {
        continue;
      }
      List<Piece> pieces = levels.computeIfAbsent(tile.getLevel(), l -> new ArrayList<>());
      for (TileFeature feature : TileFeatures.of(tile)) {
        pieces.add(new Piece(feature, square));
      }
    }
    return levels;
  }

  private static void paintGraphics(Piece piece, PaintContext context) {
    Graphics2D g = context.g();
    Shape before = g.getClip();
    g.clip(context.viewport().toPixels(piece.tile()));
    try {
      AreaPainter.paint(piece, context);
      LinePainter.paint(piece, context);
    } catch (RuntimeException e) {
      // A malformed piece (an odd geometry type, a NaN) loses its fill or line, not the image.
    } finally {
      g.setClip(before);
    }
    try {
      SymbolPainter.paint(piece, context);
      LightSectorPainter.paint(piece, context);
    } catch (RuntimeException e) {
      // As above: skip what cannot be drawn.
    }
  }

  private static void paintTexts(Piece piece, PaintContext context) {
    try {
      SoundingPainter.paint(piece, context);
      LabelPainter.paint(piece, context);
    } catch (RuntimeException e) {
      // As above: skip what cannot be drawn.
    }
  }
}
