package io.chartstream.topology.triangulate;

import org.locationtech.jts.geom.Polygon;

/** {@link JtsConstrainedDelaunayTriangulator}, JTS's constrained Delaunay triangulation, held to the {@link TriangulatorContract}. */
class JtsConstrainedDelaunayTriangulatorTest extends TriangulatorContract {
  @Override
  TriangleMesh triangulate(Polygon polygon) {
    return JtsConstrainedDelaunayTriangulator.triangulate(polygon);
  }
}
