package io.chartstream.dbv.render;

import io.chartstream.schema.avro.TileFeature;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Draws {@code LC(NAME)}, a PresLib complex line style, along a line or an area's boundary: the
 * style's pattern, the part of its vectors between its box's left and right edges with its pivot
 * row on the line, repeated end to end along the whole path (across vertices, each repeat laid
 * along the chord it spans), and the part too short for one more repeat drawn as a plain line in
 * the style's first colour and width. Symbols the style calls ({@code SC}) turn with the line.
 *
 * <p>Areas' rings are drawn clockwise, holes anticlockwise (JTS normalised), so the side of the
 * line the PresLib draws its marks on (the pattern's rows below the pivot, the right of the
 * direction of travel) is the inside of the area, as S-52 wants for boundaries.
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class ComplexLinePainter {
  private ComplexLinePainter() {}

  static void paint(Piece piece, Instruction instruction, Geometry geometry, PaintContext context) {
    Optional<SymbolDrawing> style = instruction.arg(0).flatMap(name -> context.symbols().lineStyle(name));
    if (style.isEmpty()) {
      return;
    }
    TileFeature feature = piece.feature();
    for (double[] path : paths(geometry, context.viewport())) {
      draw(path, style.get(), feature, context);
    }
  }

  /** The pixel polylines of a line or of an area's rings, each as x0, y0, x1, y1, … */
  static List<double[]> paths(Geometry geometry, Viewport viewport) {
    List<double[]> paths = new ArrayList<>();
    if (geometry instanceof Polygonal) {
      Geometry normal = geometry.copy();
      normal.normalize();
      for (int i = 0; i < normal.getNumGeometries(); i++) {
        Polygon polygon = (Polygon) normal.getGeometryN(i);
        paths.add(pixels(polygon.getExteriorRing(), viewport));
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          paths.add(pixels(polygon.getInteriorRingN(h), viewport));
        }
      }
    } else if (geometry instanceof Lineal) {
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        paths.add(pixels((LineString) geometry.getGeometryN(i), viewport));
      }
    }
    return paths;
  }

  private static double[] pixels(LineString line, Viewport viewport) {
    Coordinate[] coordinates = line.getCoordinates();
    double[] xy = new double[coordinates.length * 2];
    for (int i = 0; i < coordinates.length; i++) {
      xy[2 * i] = viewport.x(coordinates[i].x);
      xy[2 * i + 1] = viewport.y(coordinates[i].y);
    }
    return xy;
  }

  private static void draw(double[] path, SymbolDrawing style, TileFeature feature, PaintContext context) {
    int points = path.length / 2;
    if (points < 2) {
      return;
    }
    double[] along = new double[points];
    for (int i = 1; i < points; i++) {
      along[i] = along[i - 1] + Math.hypot(path[2 * i] - path[2 * i - 2], path[2 * i + 1] - path[2 * i - 1]);
    }
    double total = along[points - 1];
    double scale = context.symbolScale();
    double unit = style.definition().box().width() * scale;
    Graphics2D g = context.g();
    context.antialias(true);
    double done = 0;
    if (unit >= 1) {
      int segment = 0;
      while (done + unit <= total) {
        double[] a = pointAt(path, along, done, segment);
        segment = (int) a[2];
        double[] b = pointAt(path, along, done + unit, segment);
        AffineTransform at = AffineTransform.getTranslateInstance(a[0], a[1]);
        at.rotate(Math.atan2(b[1] - a[1], b[0] - a[0]));
        at.scale(scale, scale);
        at.translate(-style.definition().box().column(), -style.definition().pivotRow());
        style.draw(g, at, token -> context.colours().colour(feature, token), context.symbols());
        done += unit;
      }
    }
    if (done < total) {
      Optional<Color> colour = style.firstColourToken().flatMap(token -> context.colours().colour(feature, token));
      if (colour.isPresent()) {
        g.setColor(colour.get());
        g.setStroke(new BasicStroke((float) Math.max(1, style.firstLineWidth() * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(remainder(path, along, done));
      }
    }
  }

  /** The point {@code distance} along the path: x, y, and the index of its segment (search starts at {@code from}). */
  private static double[] pointAt(double[] path, double[] along, double distance, int from) {
    int i = Math.max(0, from);
    while (i < along.length - 2 && along[i + 1] < distance) {
      i++;
    }
    double length = along[i + 1] - along[i];
    double t = length <= 0 ? 0 : (distance - along[i]) / length;
    return new double[] {path[2 * i] + t * (path[2 * i + 2] - path[2 * i]), path[2 * i + 1] + t * (path[2 * i + 3] - path[2 * i + 1]), i};
  }

  private static Path2D remainder(double[] path, double[] along, double from) {
    double[] start = pointAt(path, along, from, 0);
    Path2D.Double rest = new Path2D.Double();
    rest.moveTo(start[0], start[1]);
    for (int i = (int) start[2] + 1; i < along.length; i++) {
      rest.lineTo(path[2 * i], path[2 * i + 1]);
    }
    return rest;
  }
}
