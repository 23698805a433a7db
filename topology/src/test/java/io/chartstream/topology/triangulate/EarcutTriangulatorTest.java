package io.chartstream.topology.triangulate;

import org.locationtech.jts.geom.Polygon;

/** {@link EarcutTriangulator}, earcut (earcut4j), held to the {@link TriangulatorContract}. */
class EarcutTriangulatorTest extends TriangulatorContract {
  @Override
  TriangleMesh triangulate(Polygon polygon) {
    return EarcutTriangulator.triangulate(polygon);
  }
}
