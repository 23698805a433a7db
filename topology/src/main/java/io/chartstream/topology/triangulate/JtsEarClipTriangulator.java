package io.chartstream.topology.triangulate;

import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.PolygonTriangulator;

/**
 * Triangulates a polygon with holes by JTS's ear clipping ({@link PolygonTriangulator}): holes
 * are joined to the shell by bridges ({@code PolygonHoleJoiner}, with a noder where rings touch),
 * then ears are clipped in ring order, flat corners removed. Uses the polygon's own vertices plus
 * any node the joiner adds where rings touch.
 *
 * <p>Limits: the input must be valid; on rings it cannot join or clip JTS throws
 * ({@code IllegalStateException}: "Unable to find a convex corner", "Unable to find shell join
 * index with interior join line", …). Ear clipping without a spatial index is quadratic in the
 * ring length in the worst case. Each vertex of the result is found through a hash of its
 * coordinate.
 *
 * @see <a href="https://github.com/locationtech/jts">JTS</a> {@code PolygonTriangulator}
 * @see EarcutTriangulator
 * @see JtsConstrainedDelaunayTriangulator
 */
public final class JtsEarClipTriangulator {
  private JtsEarClipTriangulator() {}

  /** The triangles of {@code polygon}, unchecked, counter-clockwise, flat ones dropped. */
  public static TriangleMesh triangulate(Polygon polygon) {
    if (polygon.isEmpty()) {
      return TriangleMesh.EMPTY;
    }
    return JtsTris.toMesh(new PolygonTriangulator(polygon).getTriangles());
  }
}
