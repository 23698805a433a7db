package io.chartstream.topology.triangulate;

import org.locationtech.jts.geom.Polygon;

/** {@link JtsEarClipTriangulator}, JTS's ear clipping, held to the {@link TriangulatorContract}. */
class JtsEarClipTriangulatorTest extends TriangulatorContract {
  @Override
  TriangleMesh triangulate(Polygon polygon) {
    return JtsEarClipTriangulator.triangulate(polygon);
  }
}
