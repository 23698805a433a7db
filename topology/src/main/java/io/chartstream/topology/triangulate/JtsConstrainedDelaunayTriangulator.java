package io.chartstream.topology.triangulate;

import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;

/**
 * Triangulates a polygon with holes as JTS's {@link ConstrainedDelaunayTriangulator} does: JTS's
 * ear clipping first ({@link JtsEarClipTriangulator}), then edge flips towards the constrained
 * Delaunay triangulation ({@code TriDelaunayImprover}), so triangles are as fat as the rings
 * allow: better for drawing thin strokes, worse for speed.
 *
 * <p>Limits: those of the ear clipping it starts from (valid input only), plus the flips; the
 * result is constrained Delaunay only up to JTS's in-circle arithmetic.
 *
 * @see <a href="https://github.com/locationtech/jts">JTS</a> {@code ConstrainedDelaunayTriangulator}
 * @see EarcutTriangulator
 * @see JtsEarClipTriangulator
 */
public final class JtsConstrainedDelaunayTriangulator {
  private JtsConstrainedDelaunayTriangulator() {}

  /** The triangles of {@code polygon}, unchecked, counter-clockwise, flat ones dropped. */
  public static TriangleMesh triangulate(Polygon polygon) {
    if (polygon.isEmpty()) {
      return TriangleMesh.EMPTY;
    }
    return JtsTris.toMesh(new ConstrainedDelaunayTriangulator(polygon).getTriangles());
  }
}
