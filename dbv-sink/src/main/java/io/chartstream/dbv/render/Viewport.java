package io.chartstream.dbv.render;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.locationtech.jts.geom.Envelope;

/**
 * Maps EPSG:3395 metres of {@code area} onto an image of {@code width} × {@code height} pixels:
 * x grows to the east in both, y grows north in metres and down in pixels, so the area's
 * north-west corner is pixel (0, 0). The scales of x and y are independent: an area whose aspect
 * differs from the image's is stretched (callers pick a matching size; see {@link #fitting}).
 *
 * @param area   the region shown, in metres
 * @param width  image width in pixels
 * @param height image height in pixels
 */
public record Viewport(Envelope area, int width, int height) {
  public Viewport {
    if (area == null || area.isNull() || area.getWidth() <= 0 || area.getHeight() <= 0) {
      throw new IllegalArgumentException("the area must have a positive extent: " + area);
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    area = new Envelope(area);
  }

  /** The largest viewport of {@code area} within {@code maxWidth} × {@code maxHeight} that keeps its aspect. */
  public static Viewport fitting(Envelope area, int maxWidth, int maxHeight) {
    double scale = Math.min(maxWidth / area.getWidth(), maxHeight / area.getHeight());
    return new Viewport(area, Math.max(1, (int) Math.round(area.getWidth() * scale)),
        Math.max(1, (int) Math.round(area.getHeight() * scale)));
  }

  /** The area, a copy (envelopes are mutable). */
  @Override
  public Envelope area() {
    return new Envelope(area);
  }

  /** Pixel column of an easting. */
  public double x(double metresX) {
    return (metresX - area.getMinX()) * width / area.getWidth();
  }

  /** Pixel row of a northing (down from the top edge). */
  public double y(double metresY) {
    return (area.getMaxY() - metresY) * height / area.getHeight();
  }

  /** The pixel of a position. */
  public Point2D toPixel(double metresX, double metresY) {
    return new Point2D.Double(x(metresX), y(metresY));
  }

  /** Pixels per metre along x (the scale used for lengths given in metres on the ground). */
  public double pixelsPerMetre() {
    return width / area.getWidth();
  }

  /** An envelope in metres as a pixel rectangle. */
  public Rectangle2D toPixels(Envelope metres) {
    double left = x(metres.getMinX());
    double top = y(metres.getMaxY());
    return new Rectangle2D.Double(left, top, x(metres.getMaxX()) - left, y(metres.getMinY()) - top);
  }
}
