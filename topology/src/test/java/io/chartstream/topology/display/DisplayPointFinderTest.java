package io.chartstream.topology.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.topology.triangulate.SharedCellFeatures;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.io.WKTReader;

/** {@link DisplayPointFinder}: WKT in, the point's place out; then every feature of the shared cells. */
class DisplayPointFinderTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  @Test
  void uShapedAreaGetsAPointInAnArmNotAtItsCentroid() {
    String u = "POLYGON ((0 0, 300 0, 300 300, 200 300, 200 100, 100 100, 100 300, 0 300, 0 0))";
    Coordinate p = checkInside(u);
    assertEquals(Location.EXTERIOR, new IndexedPointInAreaLocator(read(u)).locate(read(u).getCentroid().getCoordinate()),
        "the centroid lies in the bay");
    assertTrue(p.y <= 100 + 1 || p.x <= 100 + 1 || p.x >= 200 - 1, "in the base or an arm: " + p);
  }

  @Test
  void donutGetsAPointInItsRingNotInTheHole() {
    Coordinate p = checkInside("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (200 200, 800 200, 800 800, 200 800, 200 200))");
    assertTrue(p.x < 200 || p.x > 800 || p.y < 200 || p.y > 800, p.toString());
  }

  @Test
  void multiPolygonGetsAPointInItsWidestPart() {
    Coordinate p = checkInside("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((100 0, 200 0, 200 100, 100 100, 100 0)))");
    assertEquals(150, p.x, 0.5);
    assertEquals(50, p.y, 0.5);
  }

  @Test
  void thinAndTinyAreas() {
    checkInside("POLYGON ((0 0, 5000 0, 5000 0.001, 0 0.001, 0 0))");
    checkInside("POLYGON ((1e6 1e6, 1000000.000001 1e6, 1e6 1000000.000001, 1e6 1e6))");
    // a long diagonal sliver: the tolerance (1/1000 of the diagonal) exceeds its width
    checkInside("POLYGON ((0 0, 1000 1000, 1000 1000.5, 0 0))");
  }

  @Test
  void degenerateAreaStillGetsAPoint() {
    // zero area: InteriorPointArea's fallback, on the geometry
    Coordinate p = DisplayPointFinder.find(read("POLYGON ((0 0, 10 0, 20 0, 0 0))"));
    assertEquals(0, read("LINESTRING (0 0, 20 0)").distance(FACTORY.createPoint(p)), 1e-9, p.toString());
  }

  @Test
  void linesAtHalfLength() {
    assertEquals(new Coordinate(100, 50), DisplayPointFinder.find(read("LINESTRING (0 0, 100 0, 100 200)")));
    assertEquals(new Coordinate(15, 0), DisplayPointFinder.find(read("MULTILINESTRING ((0 0, 10 0), (10 0, 30 0))")));
    assertEquals(new Coordinate(5, 5), DisplayPointFinder.find(read("LINESTRING (5 5, 5 5)")), "zero length: its point");
  }

  @Test
  void pointsAndMultiPoints() {
    assertEquals(new Coordinate(3, 4), DisplayPointFinder.find(read("POINT Z (3 4 5)")));
    assertEquals(new Coordinate(10, 1), DisplayPointFinder.find(read("MULTIPOINT ((0 0), (10 1), (20 0))")), "nearest to the centroid");
    assertEquals(new Coordinate(0, 0), DisplayPointFinder.find(read("MULTIPOINT ((0 0), (2 0))")), "the first of equals");
  }

  @Test
  void collectionsUseTheirHighestDimension() {
    Coordinate p = DisplayPointFinder.find(read(
        "GEOMETRYCOLLECTION (POINT (500 500), LINESTRING (0 0, 1 1), POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0)))"));
    assertTrue(new Envelope(0, 10, 0, 10).contains(p), p.toString());
    assertEquals(new Coordinate(1, 0), DisplayPointFinder.find(read("GEOMETRYCOLLECTION (POINT (500 500), LINESTRING (0 0, 2 0))")));
  }

  @Test
  void emptyOrNullGivesNull() {
    assertNull(DisplayPointFinder.find(read("POLYGON EMPTY")));
    assertNull(DisplayPointFinder.find(read("GEOMETRYCOLLECTION EMPTY")));
    assertNull(DisplayPointFinder.find(null));
  }

  /**
   * Every feature of every shared cell, whole, in EPSG:3395: areas strictly inside, lines on the
   * line within 1e-6 m, points on a point.
   */
  @Test
  void everyFeatureOfTheSharedCells() throws Exception {
    int areas = 0;
    int lines = 0;
    int points = 0;
    long areaNanos = 0;
    long started = System.nanoTime();
    for (SharedCellFeatures.Feature f : SharedCellFeatures.all()) {
      Geometry g = f.projected();
      long t0 = System.nanoTime();
      Coordinate p = DisplayPointFinder.find(g);
      long took = System.nanoTime() - t0;
      Geometry point = FACTORY.createPoint(p);
      switch (g) {
        case Polygonal ignored -> {
          areas++;
          areaNanos += took;
          assertEquals(Location.INTERIOR, new IndexedPointInAreaLocator(g).locate(p), f.where() + ": " + p + " not inside");
        }
        case Lineal ignored -> {
          lines++;
          assertEquals(0, g.distance(point), 1e-6, f.where() + ": " + p + " off the line");
        }
        case Puntal ignored -> {
          points++;
          assertEquals(0, g.distance(point), 0.0, f.where() + ": " + p + " not one of the points");
        }
        default -> throw new AssertionError(f.where() + ": unexpected " + g.getGeometryType());
      }
    }
    System.out.printf(Locale.ROOT, "DisplayPointFinder on %d shared cells: %d areas (%.2f s), %d lines,"
            + " %d points; whole test %.2f s%n", SharedCellFeatures.cellCount(), areas, areaNanos / 1e9, lines, points,
        (System.nanoTime() - started) / 1e9);
    assertTrue(areas > 1000 && lines > 1000 && points > 10_000, areas + " " + lines + " " + points);
  }

  /** The display point of {@code wkt}, asserted strictly inside. */
  private static Coordinate checkInside(String wkt) {
    Geometry g = read(wkt);
    Coordinate p = DisplayPointFinder.find(g);
    assertEquals(Location.INTERIOR, new IndexedPointInAreaLocator(g).locate(p), wkt + ": " + p);
    return p;
  }

  private static Geometry read(String wkt) {
    try {
      return new WKTReader(FACTORY).read(wkt);
    } catch (Exception e) {
      throw new AssertionError(wkt, e);
    }
  }
}
