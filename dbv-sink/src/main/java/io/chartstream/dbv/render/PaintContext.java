package io.chartstream.dbv.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.io.WKBReader;

/**
 * What every painter of one render shares: the canvas, the mapping to pixels, the colours of
 * the chosen palette, the symbol library, a WKB reader, a JTS-to-Java2D shape writer through the
 * viewport, and the pattern textures made for this render.
 *
 * <p>Not thread-safe ({@code @NotThreadSafe}): one render, one thread.
 *
 * @param g           the canvas
 * @param viewport    metres to pixels
 * @param colours     tokens resolved for the palette
 * @param symbols     the symbols, line styles and patterns
 * @param symbolScale canvas pixels per definition unit (0.01 mm): 1/32 at S-52's 0.32 mm pixel
 * @param wkb         the render's WKB reader (JTS readers keep parse state)
 * @param shapes      JTS geometry to pixel shapes
 * @param textures    area-pattern textures by pattern name, made once per render
 */
record PaintContext(Graphics2D g, Viewport viewport, ColourBook colours, SymbolShapes symbols, double symbolScale,
                    WKBReader wkb, ShapeWriter shapes, Map<String, TexturePaint> textures) {
  static PaintContext of(Graphics2D g, Viewport viewport, ColourBook colours, SymbolShapes symbols) {
    ShapeWriter shapes = new ShapeWriter((source, target) -> target.setLocation(viewport.x(source.x), viewport.y(source.y)));
    shapes.setRemoveDuplicatePoints(true);
    return new PaintContext(g, viewport, colours, symbols, 1 / VectorCompiler.UNITS_PER_PIXEL, new WKBReader(), shapes,
        new HashMap<>());
  }

  /** Turns antialiasing on (lines, symbols, text) or off (area fills: no seams between neighbours). */
  void antialias(boolean on) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
        on ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        on ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
  }
}
