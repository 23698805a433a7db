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
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws RCL tiles into an image in S-52: from the tile records (geometry, triangles, display
 * points, styles) and the converted PresLib symbol library ({@link SymbolShapes}: symbols,
 * complex line styles, area patterns and colour tokens), in any S-52 palette.
 *
 * <p>Order: tiles of coarser levels first (a finer chart covers a coarser one where both have
 * data); within a level, every piece of every tile by display priority, areas before lines
 * before points at equal priority, then the texts (TX, TE) of that level on top, so a fill drawn
 * later never hides a label. Texts are decluttered ({@link LabelPlacer}): by display priority,
 * none over another placed before it in the render. The background is {@code NODTA}.
 *
 * <p>Per piece (see each painter for its rules): {@link AreaPainter} fills ({@code AC}) and
 * patterns ({@code AP}, {@link PatternPainter}), {@link LinePainter} strokes ({@code LS}) and
 * complex lines ({@code LC}, {@link ComplexLinePainter}), all clipped to the piece's own tile,
 * since pieces reach into their neighbours' buffer and would otherwise be drawn twice with cut
 * edges showing; {@link SymbolPainter} ({@code SY}, soundings' digits included),
 * {@link LightSectorPainter} ({@code LG}, {@code AR}) and {@link LabelPainter} ({@code TX},
 * {@code TE}) draw at the piece's anchor, whole, since each feature has exactly one anchor.
 * Instructions nobody draws (anything unknown) are skipped; a malformed piece draws what it can
 * and never fails the image.
 *
 * <p>Immutable ({@code @Immutable}): each call has its own canvas and readers, and the symbol
 * library is thread-safe, so one renderer may serve many threads.
 */
public final class TileRenderer {
  private static final Comparator<Piece> DRAWING_ORDER = Comparator.comparingInt(Piece::priority)
      .thenComparing(Comparator.comparingInt((Piece p) -> p.feature().getPrimitive()).reversed());

  private final SymbolShapes symbols;

  /** A renderer with chartstream's built-in library (config/s52, converted from the PresLib). */
  public TileRenderer() {
    this(SymbolShapes.builtIn());
  }

  /** A renderer with its own library. */
  public TileRenderer(SymbolShapes symbols) {
    this.symbols = symbols;
  }

  /**
   * Draws {@code tiles} over {@code area} (EPSG:3395 metres) into a new
   * {@code widthPx} × {@code heightPx} RGB image in {@code palette}. Tiles outside the area are
   * skipped.
   */
  public BufferedImage render(List<RclTile> tiles, Envelope area, int widthPx, int heightPx, Palette palette) {
    return render(tiles, area, widthPx, heightPx, palette, label -> { });
  }

  /** As {@link #render(List, Envelope, int, int, Palette)}, telling {@code placed} each text drawn. */
  BufferedImage render(List<RclTile> tiles, Envelope area, int widthPx, int heightPx, Palette palette,
                       Consumer<TextLabel> placed) {
    Viewport viewport = new Viewport(area, widthPx, heightPx);
    BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Map<Integer, List<Piece>> levels = piecesByLevel(tiles, area);
      ColourBook colours = ColourBook.ofFeatures(levels.values().stream().flatMap(List::stream).map(Piece::feature).toList(),
          palette, symbols.colours());
      PaintContext context = PaintContext.of(g, viewport, colours, symbols);
      g.setColor(colours.colour("NODTA").orElse(background(palette)));
      g.fillRect(0, 0, widthPx, heightPx);
      LabelPlacer labels = new LabelPlacer();
      for (List<Piece> level : levels.values()) {
        level.sort(DRAWING_ORDER);
        level.forEach(piece -> paintGraphics(piece, context));
        labels.place(texts(level, context), g).forEach(placed);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The grey behind everything when neither the styles nor the library name {@code NODTA}. */
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

  private static List<TextLabel> texts(List<Piece> level, PaintContext context) {
    List<TextLabel> texts = new ArrayList<>();
    for (Piece piece : level) {
      try {
        texts.addAll(LabelPainter.labels(piece, context, texts.size()));
      } catch (RuntimeException e) {
        // As above: skip what cannot be drawn.
      }
    }
    return texts;
  }
}
