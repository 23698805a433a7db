package io.chartstream.dbv.render;

import io.chartstream.s52.PatternFill;
import io.chartstream.s52.SymbolBox;
import io.chartstream.schema.avro.TileFeature;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Fills an area with {@code AP(NAME)}, a PresLib area pattern: the pattern's symbol repeated on a
 * grid whose step is its bounding box plus the pattern's minimum distance (in whole pixels, so the
 * repeat is exact), every other row shifted by half a step for staggered ({@code STG}) patterns.
 * The grid is anchored to the world's origin, not to the area or the image, so the pattern of an
 * area runs on unbroken across pieces and tiles. Scale-dependent spacing ({@code SCL}) uses the
 * minimum distance: a renderer at one scale has no range to choose from.
 *
 * <p>The texture is drawn once per pattern and render ({@link PaintContext#textures()}), in the
 * colours of the first feature that uses it: pattern colours are library tokens, the same for
 * every feature.
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class PatternPainter {
  private PatternPainter() {}

  /** Fills {@code shape} (pixels) with the pattern {@code instruction} names. */
  static void paint(Shape shape, Instruction instruction, TileFeature feature, PaintContext context) {
    Optional<String> name = instruction.arg(0);
    if (name.isEmpty()) {
      return;
    }
    TexturePaint texture = context.textures().computeIfAbsent(name.get(), n -> texture(n, feature, context));
    if (texture == null) {
      return;
    }
    Graphics2D g = context.g();
    Paint before = g.getPaint();
    g.setPaint(anchored(texture, context.viewport()));
    g.fill(shape);
    g.setPaint(before);
  }

  /** The texture moved so its tiles start at the world origin's pixel. */
  private static TexturePaint anchored(TexturePaint texture, Viewport viewport) {
    Rectangle2D cell = texture.getAnchorRect();
    double x = Math.floorMod(Math.round(viewport.x(0)), (long) cell.getWidth());
    double y = Math.floorMod(Math.round(viewport.y(0)), (long) cell.getHeight());
    return new TexturePaint(texture.getImage(), new Rectangle2D.Double(x, y, cell.getWidth(), cell.getHeight()));
  }

  /** One tile of the pattern: one step, or two rows of steps when staggered; null when there is no pattern. */
  static TexturePaint texture(String name, TileFeature feature, PaintContext context) {
    Optional<SymbolDrawing> found = context.symbols().pattern(name);
    if (found.isEmpty() || found.get().definition().fill() == null) {
      return null;
    }
    SymbolDrawing pattern = found.get();
    PatternFill fill = pattern.definition().fill();
    SymbolBox box = pattern.definition().box();
    double scale = context.symbolScale();
    boolean staggered = fill.arrangement() == PatternFill.Arrangement.STAGGERED;
    int step = Math.max(2, (int) Math.ceil((box.width() + fill.minDistance()) * scale));
    if (staggered && step % 2 == 1) {
      step++; // the half step of the next row stays on whole pixels
    }
    int rowStep = Math.max(2, (int) Math.ceil((box.height() + fill.minDistance()) * scale));
    int width = step;
    int height = staggered ? 2 * rowStep : rowStep;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      double margin = fill.minDistance() * scale / 2;
      // Each symbol, and its copies one tile away, so a symbol crossing the tile's edge wraps.
      double[][] origins = staggered ? new double[][] {{0, 0}, {step / 2.0, rowStep}} : new double[][] {{0, 0}};
      for (double[] origin : origins) {
        for (int dx = -1; dx <= 1; dx++) {
          for (int dy = -1; dy <= 1; dy++) {
            AffineTransform at = AffineTransform.getTranslateInstance(origin[0] + margin + dx * width, origin[1] + margin + dy * height);
            at.scale(scale, scale);
            at.translate(-box.column(), -box.row());
            pattern.draw(g, at, token -> context.colours().colour(feature, token), context.symbols());
          }
        }
      }
    } finally {
      g.dispose();
    }
    return new TexturePaint(image, new Rectangle2D.Double(0, 0, width, height));
  }
}
