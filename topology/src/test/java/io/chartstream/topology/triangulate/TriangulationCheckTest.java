package io.chartstream.topology.triangulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** {@link TriangulationCheck}: what it catches, and the limit the full test invariants cover. */
class TriangulationCheckTest {
  private static final double[] SQUARE = {0, 0, 2, 0, 2, 2, 0, 2};

  @Test
  void aTriangulationPasses() {
    assertNull(TriangulationCheck.problem(new TriangleMesh(SQUARE, new int[] {0, 1, 2, 0, 2, 3}), 4));
  }

  @Test
  void aGapOrAClockwiseTriangleFails() {
    assertNotNull(TriangulationCheck.problem(new TriangleMesh(SQUARE, new int[] {0, 1, 2}), 4), "half missing");
    assertNotNull(TriangulationCheck.problem(new TriangleMesh(SQUARE, new int[] {0, 2, 1, 0, 2, 3}), 4), "clockwise");
    assertNotNull(TriangulationCheck.problem(new TriangleMesh(SQUARE, new int[] {0, 1, 2, 0, 2, 3}), Double.NaN));
  }

  @Test
  void dropFlatRemovesZeroAreaTrianglesAndOrientsOnRequest() {
    double[] xy = {0, 0, 1, 0, 2, 0, 0, 1};
    TriangleMesh oriented = TriangulationCheck.dropFlat(xy, new int[] {0, 1, 2, 0, 3, 1}, true);
    assertEquals(1, oriented.triangleCount(), "the collinear triangle 0-1-2 is gone");
    assertTrue(oriented.doubleSignedArea(0) > 0, "0-3-1 turned round");
    TriangleMesh asIs = TriangulationCheck.dropFlat(xy, new int[] {0, 3, 1}, false);
    assertTrue(asIs.doubleSignedArea(0) < 0);
  }

  @Test
  void anOverlapHidingAGapPassesTheCheapCheckNotTheFullOne() {
    // two triangles over the same half of the square: area 4, both counter-clockwise, yet wrong
    TriangleMesh overlap = new TriangleMesh(SQUARE, new int[] {0, 1, 2, 0, 1, 2});
    assertNull(TriangulationCheck.problem(overlap, 4));
    Geometry square = AreaTriangulatorTest.read("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
    assertThrows(AssertionError.class, () -> MeshInvariants.check(overlap, square, 4, "overlap", false));
  }
}
