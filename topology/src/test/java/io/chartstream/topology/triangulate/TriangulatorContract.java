package io.chartstream.topology.triangulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

/**
 * What every triangulation algorithm must do, unchecked: WKT in, every invariant out
 * ({@link MeshInvariants}), then the hardest polygons of the shared cells (most vertices, most
 * holes). One subclass per algorithm; comparing them on every piece is
 * {@code TriangulationBenchmark}'s job.
 */
abstract class TriangulatorContract {
  /** The algorithm under test. */
  abstract TriangleMesh triangulate(Polygon polygon);

  @Test
  void squareConcaveAndHoled() {
    assertEquals(2, checkTri("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))").triangleCount());
    checkTri("POLYGON ((0 0, 10 0, 10 2, 2 2, 2 10, 0 10, 0 0))");
    checkTri("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 3 7, 7 7, 7 3, 3 3))");
  }

  @Test
  void clockwiseShellGivesCounterClockwiseTriangles() {
    checkTri("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))");
  }

  @Test
  void holeTouchingTheShellAndCollinearVertices() {
    checkTri("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (0 5, 4 3, 4 7, 0 5))");
    checkTri("POLYGON ((0 0, 2 0, 4 0, 6 0, 6 2, 6 4, 4 4, 2 4, 0 4, 0 2, 0 0))");
  }

  @Test
  void emptyPolygonHasNoTriangles() {
    assertEquals(0, triangulate((Polygon) AreaTriangulatorTest.read("POLYGON EMPTY")).triangleCount());
  }

  @Test
  void hardestPolygonsOfTheSharedCells() throws Exception {
    List<Polygon> hardest = SharedCellFeatures.hardestPolygons(20);
    assertTrue(hardest.size() >= 20);
    for (Polygon p : hardest) {
      MeshInvariants.check(triangulate(p), p, p.getArea(),
          p.getNumPoints() + " vertices, " + p.getNumInteriorRing() + " holes");
    }
  }

  private TriangleMesh checkTri(String wkt) {
    Polygon p = (Polygon) AreaTriangulatorTest.read(wkt);
    TriangleMesh mesh = triangulate(p);
    MeshInvariants.check(mesh, p, p.getArea(), wkt, true);
    return mesh;
  }
}
