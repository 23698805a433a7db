package io.chartstream.topology.triangulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.noding.IntersectionAdder;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * What a mesh must be to triangulate an area, checked in full (unlike the production
 * {@link TriangulationCheck}):
 * <ol>
 *   <li>every triangle counter-clockwise with area {@code > 0} in double arithmetic;
 *   <li>the areas summing to the area's (relative 1e-9);
 *   <li>every centroid strictly inside the area;
 *   <li>the boundary chain of the triangles equal to the area's rings (shell counter-clockwise,
 *       holes clockwise), edge by edge after noding all of them together: every directed edge
 *       of a triangle cancels against the reverse edge of a neighbour or a ring edge, nothing is
 *       left over. With every triangle counter-clockwise this proves that the triangles cover
 *       each point of the area exactly once and nothing outside it (the number of triangles
 *       over a point is the winding number of that chain), T-junctions and skipped collinear
 *       vertices allowed;
 *   <li>for meshes of up to {@link #UNION_LIMIT} triangles, the same said geometrically: the
 *       triangles' union (OverlayNG) against the area, symmetric difference below 1e-9 of it.
 * </ol>
 */
final class MeshInvariants {
  static final double RELATIVE = 1e-9;
  /** Unions of many triangles are slow (11 s for all shared pieces up to 200 triangles); the chain check proves the rest. */
  static final int UNION_LIMIT = 32;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private MeshInvariants() {}

  /**
   * Checks {@code mesh} against {@code area}, a valid Polygon or MultiPolygon in the mesh's
   * coordinates (relative to the tile), and {@code expectedArea} (the area as computed from the
   * untranslated piece).
   */
  static void check(TriangleMesh mesh, Geometry area, double expectedArea, String where) {
    check(mesh, area, expectedArea, where, mesh.triangleCount() <= UNION_LIMIT);
  }

  /** As {@link #check(TriangleMesh, Geometry, double, String)}, with the geometric union whatever the size when {@code union}. */
  static void check(TriangleMesh mesh, Geometry area, double expectedArea, String where, boolean withUnion) {
    int n = mesh.triangleCount();
    IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(area);
    double sum = 0;
    for (int t = 0; t < n; t++) {
      double twice = mesh.doubleSignedArea(t);
      int triangle = t;
      assertTrue(twice > 0, () -> where + ": triangle " + triangle + " is clockwise or flat: " + twice);
      sum += twice / 2;
      Coordinate a = vertex(mesh, t, 0);
      Coordinate b = vertex(mesh, t, 1);
      Coordinate c = vertex(mesh, t, 2);
      Coordinate centroid = new Coordinate((a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3);
      assertEquals(Location.INTERIOR, inside.locate(centroid), () -> where + ": centroid of triangle " + triangle
          + " " + centroid + " not inside the area");
    }
    assertEquals(expectedArea, sum, RELATIVE * expectedArea, where + ": the triangles' areas sum to the area's");
    List<String> leftOver = unmatchedEdges(mesh, area);
    assertTrue(leftOver.isEmpty(), () -> where + ": the triangles' boundary is not the area's: " + leftOver.size()
        + " unmatched edges, e.g. " + leftOver.subList(0, Math.min(4, leftOver.size())));
    if (withUnion) {
      Geometry union = n == 0 ? FACTORY.createPolygon() : UnaryUnionOp.union(triangles(mesh));
      double diff = OverlayNGRobust.overlay(union, area, OverlayNG.SYMDIFFERENCE).getArea();
      assertEquals(0, diff, RELATIVE * expectedArea, where + ": the triangles' union differs from the area");
    }
  }

  /**
   * The directed edges left once the triangles' edges and the reversed rings (shells
   * counter-clockwise, holes clockwise) cancel each other: first exactly, edge against reverse
   * edge; then what is left (edges along skipped collinear vertices, T-junctions) is noded and
   * cancelled again. Cancelling identical opposite edges before noding changes nothing, as noding
   * would split both alike; it keeps the noder to the few edges that need it.
   */
  private static List<String> unmatchedEdges(TriangleMesh mesh, Geometry area) {
    Map<Edge, Integer> open = new HashMap<>();
    for (int t = 0; t < mesh.triangleCount(); t++) {
      for (int corner = 0; corner < 3; corner++) {
        Coordinate a = vertex(mesh, t, corner);
        Coordinate b = vertex(mesh, t, (corner + 1) % 3);
        add(open, a, b);
      }
    }
    for (int i = 0; i < area.getNumGeometries(); i++) {
      Polygon p = (Polygon) area.getGeometryN(i);
      if (p.isEmpty()) {
        continue;
      }
      addReversedRing(open, p.getExteriorRing(), true);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        addReversedRing(open, p.getInteriorRingN(h), false);
      }
    }
    if (open.isEmpty()) {
      return List.of();
    }
    List<SegmentString> strings = new ArrayList<>();
    open.forEach((edge, count) -> {
      for (int i = 0; i < count; i++) {
        strings.add(new NodedSegmentString(new Coordinate[] {new Coordinate(edge.x1, edge.y1), new Coordinate(edge.x2, edge.y2)}, null));
      }
    });
    MCIndexNoder noder = new MCIndexNoder(new IntersectionAdder(new RobustLineIntersector()));
    noder.computeNodes(strings);
    Map<Edge, Integer> noded = new HashMap<>();
    for (Object o : noder.getNodedSubstrings()) {
      Coordinate[] pts = ((SegmentString) o).getCoordinates();
      for (int i = 1; i < pts.length; i++) {
        add(noded, pts[i - 1], pts[i]);
      }
    }
    List<String> left = new ArrayList<>();
    noded.forEach((edge, count) -> left.add(edge + " x" + count));
    return left;
  }

  /** Adds the directed edge a→b to {@code open}, or cancels it against an open b→a. */
  private static void add(Map<Edge, Integer> open, Coordinate a, Coordinate b) {
    if (a.equals2D(b)) {
      return;
    }
    Edge reverse = new Edge(b.x, b.y, a.x, a.y);
    Integer r = open.get(reverse);
    if (r != null) {
      if (r == 1) {
        open.remove(reverse);
      } else {
        open.put(reverse, r - 1);
      }
    } else {
      open.merge(new Edge(a.x, a.y, b.x, b.y), 1, Integer::sum);
    }
  }

  /** A ring's edges turned against its required orientation (shell counter-clockwise, hole clockwise), to cancel the triangles' edges. */
  private static void addReversedRing(Map<Edge, Integer> open, LinearRing ring, boolean shell) {
    Coordinate[] pts = ring.getCoordinates();
    boolean reverse = Orientation.isCCW(pts) == shell;
    for (int i = 1; i < pts.length; i++) {
      if (reverse) {
        add(open, pts[i], pts[i - 1]);
      } else {
        add(open, pts[i - 1], pts[i]);
      }
    }
  }

  private record Edge(double x1, double y1, double x2, double y2) {}

  private static Geometry triangles(TriangleMesh mesh) {
    Geometry[] triangles = new Geometry[mesh.triangleCount()];
    for (int t = 0; t < triangles.length; t++) {
      Coordinate a = vertex(mesh, t, 0);
      triangles[t] = FACTORY.createPolygon(new Coordinate[] {a, vertex(mesh, t, 1), vertex(mesh, t, 2), new Coordinate(a)});
    }
    return FACTORY.createGeometryCollection(triangles);
  }

  private static Coordinate vertex(TriangleMesh mesh, int triangle, int corner) {
    int v = mesh.vertex(triangle, corner);
    return new Coordinate(mesh.x(v), mesh.y(v));
  }
}
