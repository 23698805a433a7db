package io.chartstream.topology.triangulate;

import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.maplibre.earcut4j.Earcut;

/**
 * Triangulates a polygon with holes by earcut: ear slicing sped up by a z-order curve index of
 * the vertices, holes bridged to the shell first (Mapbox's earcut, as ported to Java by
 * MapLibre's earcut4j, ISC licence). Uses only the polygon's own vertices: no Steiner points.
 *
 * <p>Limits: earcut is built to draw, not to prove. On rings that touch themselves, holes that
 * touch the shell or each other, and near-collinear runs, it may leave gaps, make clockwise or
 * overlapping triangles, without saying so; collinear vertices are skipped (they stay in the
 * vertex array, unindexed). So its result must be checked ({@link TriangulationCheck}), as
 * {@link AreaTriangulator} does. Triangles come out counter-clockwise whatever the rings'
 * orientation; exactly flat ones are dropped.
 *
 * @see <a href="https://github.com/mapbox/earcut">mapbox/earcut</a>
 * @see <a href="https://github.com/maplibre/earcut4j">maplibre/earcut4j</a>
 * @see JtsEarClipTriangulator
 * @see JtsConstrainedDelaunayTriangulator
 */
public final class EarcutTriangulator {
  private EarcutTriangulator() {}

  /** The triangles of {@code polygon}, unchecked; vertices are the rings' vertices without closing points. */
  public static TriangleMesh triangulate(Polygon polygon) {
    if (polygon.isEmpty()) {
      return TriangleMesh.EMPTY;
    }
    int holes = polygon.getNumInteriorRing();
    int vertices = openSize(polygon.getExteriorRing());
    for (int i = 0; i < holes; i++) {
      vertices += openSize(polygon.getInteriorRingN(i));
    }
    double[] xy = new double[2 * vertices];
    int[] holeStarts = new int[holes];
    int v = copy(polygon.getExteriorRing(), xy, 0);
    for (int i = 0; i < holes; i++) {
      holeStarts[i] = v;
      v = copy(polygon.getInteriorRingN(i), xy, v);
    }
    List<Integer> triangles = Earcut.earcut(xy, holes == 0 ? null : holeStarts, 2);
    int[] indices = new int[triangles.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = triangles.get(i);
    }
    // earcut's triangles are counter-clockwise already: don't orient, so that a wrong one shows
    return TriangulationCheck.dropFlat(xy, indices, false);
  }

  /** The ring's vertex count without the closing point. */
  private static int openSize(LinearRing ring) {
    int n = ring.getNumPoints();
    return n == 0 ? 0 : n - 1;
  }

  private static int copy(LinearRing ring, double[] xy, int vertex) {
    CoordinateSequence seq = ring.getCoordinateSequence();
    int n = openSize(ring);
    for (int i = 0; i < n; i++, vertex++) {
      xy[2 * vertex] = seq.getX(i);
      xy[2 * vertex + 1] = seq.getY(i);
    }
    return vertex;
  }
}
