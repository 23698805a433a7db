package io.chartstream.topology.display;

import java.util.List;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.geom.util.PointExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Where a feature's label or centred symbol goes (S-52's "display point"), in the geometry's
 * coordinates:
 * <ul>
 *   <li><b>areas</b>: the centre of the maximum inscribed circle ({@link MaximumInscribedCircle}):
 *       the point farthest from every edge, so a label sits in the widest part of the area, not
 *       at a centroid that may fall in a hole, a bay or another part. Its tolerance is
 *       {@code max(diagonal / 1000, d0 / 10)}, where d0 is the clearance (distance to the
 *       boundary) of JTS's {@link InteriorPointArea} point, a lower bound of the circle's radius:
 *       so the centre's clearance is within a tenth of the largest possible, or within 1/1000 of
 *       the envelope's diagonal for thin areas. Where d0 is 0 (a degenerate area) or the centre
 *       is not strictly inside, the InteriorPointArea point is used: the middle of the widest
 *       horizontal section through the middle of the envelope;
 *   <li><b>lines</b>: the point at half the length ({@link LengthIndexedLine}); for a
 *       MultiLineString, half the total length along its lines in order;
 *   <li><b>points</b>: the point itself; for a MultiPoint, the member nearest to the
 *       members' centroid (the first of equals), so a label of a cluster sits at a member in
 *       its middle, never between members;
 *   <li><b>collections</b>: their parts of the highest dimension, as above.
 * </ul>
 *
 * <p>Why: measured on the 8,007 area features of the shared NOAA cells, whole
 * ({@code TriangulationBenchmark}, see {@code docs/BENCHMARKS.md}), InteriorPointArea alone takes
 * 14 ms for all of them but leaves 1,064 points with less than half the clearance the area allows
 * (worst: 1 %); the inscribed circle to 1/1000 of the diagonal takes 2.1 s (worst: 87 %); to 1/100,
 * 1.0 s but 221 points below 90 % (worst: 34 %). The clearance-relative tolerance takes 1.4 s with
 * the worst case of 1/1000 (87 %, two points below 90 %). The cost comes from areas whose widest
 * part is a long plateau (rectangles, straits), where the circle search splits cells all along
 * it; a coarser tolerance there costs nothing visible. {@code LargestEmptyCircle}, with the
 * boundary as obstacles, finds the same point in 6.9 s.
 *
 * <p>Limits: inside is judged by {@link IndexedPointInAreaLocator}, i.e. by the even-odd rule of
 * the rings; an invalid area gets a point inside by that rule, which may differ from its repair.
 * Z is dropped. Stateless ({@code @Immutable}).
 *
 * @see DisplayPointStage
 * @see MaximumInscribedCircle
 * @see InteriorPointArea
 * @see LengthIndexedLine
 */
public final class DisplayPointFinder {
  /** The inscribed circle's finest tolerance, as a fraction of the area's envelope diagonal. */
  public static final double TOLERANCE_FRACTION = 1e-3;
  /**
   * The inscribed circle's tolerance is at least the clearance of InteriorPointArea's point
   * (a lower bound of the circle's radius) divided by this: the centre's clearance is then within
   * a tenth of the largest, and wide areas stop searching early.
   */
  public static final double CLEARANCE_DIVISOR = 10;

  private DisplayPointFinder() {}

  /** The display point of {@code geometry}, or null when it is null or empty. */
  public static Coordinate find(Geometry geometry) {
    if (geometry == null || geometry.isEmpty()) {
      return null;
    }
    return switch (geometry) {
      case Polygonal ignored -> areaPoint(geometry);
      case Lineal ignored -> linePoint(geometry);
      case Point p -> new Coordinate(p.getX(), p.getY());
      case Puntal ignored -> pointNearestCentroid(geometry);
      case GeometryCollection collection -> find(highestDimension(collection));
      default -> throw new IllegalArgumentException("unknown geometry type " + geometry.getGeometryType());
    };
  }

  /**
   * The inscribed circle's centre to a tolerance of {@code max(diagonal / 1000, d0 / 10)}, where
   * d0 is the clearance of InteriorPointArea's point; that point itself where its clearance is 0
   * or the centre is not strictly inside.
   */
  static Coordinate areaPoint(Geometry area) {
    Coordinate interior = InteriorPointArea.getInteriorPoint(area);
    if (interior == null) {
      return area.getCoordinate();
    }
    Point start = area.getFactory().createPoint(interior);
    double clearance = new IndexedFacetDistance(area.getBoundary()).distance(start);
    Envelope e = area.getEnvelopeInternal();
    double tolerance = Math.max(TOLERANCE_FRACTION * Math.hypot(e.getWidth(), e.getHeight()), clearance / CLEARANCE_DIVISOR);
    if (!(clearance > 0) || !(tolerance > 0)) {
      return interior; // no width to search in: a degenerate area
    }
    try {
      Coordinate centre = MaximumInscribedCircle.getCenter(area, tolerance).getCoordinate();
      if (new IndexedPointInAreaLocator(area).locate(centre) == Location.INTERIOR) {
        return centre;
      }
    } catch (RuntimeException jtsGaveUp) {
      // JTS gives up on some degenerate rings: the scan line's point is inside all the same
    }
    return interior;
  }

  static Coordinate linePoint(Geometry line) {
    Coordinate c = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
    return new Coordinate(c.x, c.y);
  }

  static Coordinate pointNearestCentroid(Geometry points) {
    Coordinate centroid = points.getCentroid().getCoordinate();
    Coordinate best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < points.getNumGeometries(); i++) {
      Geometry member = points.getGeometryN(i);
      if (member.isEmpty()) {
        continue;
      }
      Coordinate c = member.getCoordinate();
      double d = c.distance(centroid);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return new Coordinate(best.x, best.y);
  }

  /** The parts of the collection's highest dimension, as one geometry. */
  private static Geometry highestDimension(GeometryCollection collection) {
    List<Geometry> parts = switch (collection.getDimension()) {
      case 2 -> PolygonExtracter.getPolygons(collection);
      case 1 -> LineStringExtracter.getLines(collection);
      default -> PointExtracter.getPoints(collection);
    };
    return collection.getFactory().buildGeometry(parts);
  }
}
