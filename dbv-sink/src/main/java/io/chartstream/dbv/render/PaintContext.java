package io.chartstream.dbv.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.io.WKBReader;

/**
 * What every painter of one render shares: the canvas, the mapping to pixels, the colours of
 * the chosen palette, a WKB reader and a JTS-to-Java2D shape writer through the viewport.
 *
 * <p>Not thread-safe ({@code @NotThreadSafe}): one render, one thread.
 *
 * @param g        the canvas
 * @param viewport metres to pixels
 * @param colours  tokens resolved for the palette
 * @param wkb      the render's WKB reader (JTS readers keep parse state)
 * @param shapes   JTS geometry to pixel shapes
 */
record PaintContext(Graphics2D g, Viewport viewport, ColourBook colours, WKBReader wkb, ShapeWriter shapes) {
  static PaintContext of(Graphics2D g, Viewport viewport, ColourBook colours) {
    ShapeWriter shapes = new ShapeWriter((source, target) -> target.setLocation(viewport.x(source.x), viewport.y(source.y)));
    shapes.setRemoveDuplicatePoints(true);
    return new PaintContext(g, viewport, colours, new WKBReader(), shapes);
  }

  /** Turns antialiasing on (lines, symbols, text) or off (area fills: no seams between neighbours). */
  void antialias(boolean on) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
        on ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        on ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
  }
}
