package io.chartstream.dbv.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws the light-sector extensions the topology's LIGHTS procedure emits (see its
 * {@code LightSectorProcedure}): {@code LG(PSTYLE,WIDTH,COLOUR,BEARING,LENGTH,UNIT)}, a leg from
 * the light along a bearing (degrees true, clockwise from north), {@code LENGTH} display
 * millimetres ({@code MM}) or nautical miles on the ground ({@code NM}); and
 * {@code AR(PSTYLE,WIDTH,COLOUR,START,END,RADIUS)}, an arc clockwise from {@code START} to
 * {@code END} at {@code RADIUS} display millimetres. Both start at the feature's anchor and are
 * not clipped to its tile: a sector is wider than the buffer, and the light is drawn once.
 *
 * <p>Limit: nautical miles are turned into EPSG:3395 metres with the spherical scale factor
 * 1/cos(latitude), within a fraction of a percent of the ellipsoid's.
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class LightSectorPainter {
  private static final double METRES_PER_NM = 1852;
  private static final double EARTH_RADIUS = 6378137;

  private LightSectorPainter() {}

  static void paint(Piece piece, PaintContext context) {
    if (piece.named("LG").isEmpty() && piece.named("AR").isEmpty()) {
      return;
    }
    Optional<Point2D> anchor = piece.anchor(context.viewport(), context.wkb());
    if (anchor.isEmpty()) {
      return;
    }
    Graphics2D g = context.g();
    context.antialias(true);
    for (Instruction instruction : piece.instructions()) {
      boolean leg = instruction.name().equals("LG");
      if (!leg && !instruction.name().equals("AR")) {
        continue;
      }
      Optional<LineStyle> style = LineStyle.of(instruction);
      if (style.isEmpty()) {
        continue;
      }
      g.setStroke(style.get().stroke());
      g.setColor(context.colours().colour(piece.feature(), style.get().colourToken()).orElse(Color.DARK_GRAY));
      if (leg) {
        drawLeg(instruction, anchor.get(), context);
      } else {
        drawArc(instruction, anchor.get(), context);
      }
    }
  }

  private static void drawLeg(Instruction leg, Point2D from, PaintContext context) {
    double bearing = Math.toRadians(leg.number(3, 0));
    double length = leg.number(4, 0);
    double lengthPx = leg.arg(5).orElse("MM").toUpperCase(Locale.ROOT).equals("NM")
        ? length * METRES_PER_NM * scaleFactor(northing(from, context.viewport())) * context.viewport().pixelsPerMetre()
        : LineStyle.px(length);
    double toX = from.getX() + Math.sin(bearing) * lengthPx;
    double toY = from.getY() - Math.cos(bearing) * lengthPx;
    context.g().draw(new Line2D.Double(from.getX(), from.getY(), toX, toY));
  }

  private static void drawArc(Instruction arc, Point2D centre, PaintContext context) {
    double start = arc.number(3, 0);
    double end = arc.number(4, start + 360);
    double radius = LineStyle.px(arc.number(5, 20));
    // Java2D angles run counter-clockwise from east; bearings clockwise from north.
    context.g().draw(new Arc2D.Double(centre.getX() - radius, centre.getY() - radius, 2 * radius, 2 * radius,
        90 - start, -(end - start), Arc2D.OPEN));
  }

  /** The northing of a pixel row. */
  private static double northing(Point2D pixel, Viewport viewport) {
    return viewport.area().getMaxY() - pixel.getY() * viewport.area().getHeight() / viewport.height();
  }

  /** Mercator metres per ground metre at a northing (spherical). */
  static double scaleFactor(double northing) {
    double latitude = 2 * Math.atan(Math.exp(northing / EARTH_RADIUS)) - Math.PI / 2;
    return 1 / Math.cos(latitude);
  }
}
