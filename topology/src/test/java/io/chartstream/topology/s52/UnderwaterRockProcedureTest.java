package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static io.chartstream.topology.s52.ProcedureAttributesTest.safety;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.6 OBSTRN07 continuation A for UWTROC. */
class UnderwaterRockProcedureTest {
  private final UnderwaterRockProcedure procedure = new UnderwaterRockProcedure();
  /** Safety contour 1 m, safety depth 10 m: rocks of 2 m are no isolated dangers but within the safety depth. */
  private final MarinerSettings shallowContour = safety(1, 10);

  @Test
  void rockWithoutDepthByWaterLevel() {
    var quiet = safety(-20, 10);
    assertEquals(List.of("SY(UWTROC03)"), procedure.instructions(feature("UWTROC", POINT, "WATLEV", 3L), quiet));
    assertEquals(List.of("SY(UWTROC04)"), procedure.instructions(feature("UWTROC", POINT, "WATLEV", 4L), quiet));
    assertEquals(List.of("SY(UWTROC04)"), procedure.instructions(feature("UWTROC", POINT), quiet));
  }

  @Test
  void rockWithDepthWithinTheSafetyDepth() {
    assertEquals(List.of("SY(DANGER01)", "SY(SOUNDS12)", "SY(SOUNDS50)"),
        procedure.instructions(feature("UWTROC", POINT, "VALSOU", 2.0, "WATLEV", 3L), shallowContour));
    assertEquals(List.of("SY(UWTROC04)"),
        procedure.instructions(feature("UWTROC", POINT, "VALSOU", 2.0, "WATLEV", 5L), shallowContour),
        "awash: the rock symbol, no sounding");
  }

  @Test
  void rockDeeperThanTheSafetyDepth() {
    assertEquals(List.of("SY(DANGER02)", "SY(SOUNDG21)", "SY(SOUNDG12)", "SY(SOUNDG52)"),
        procedure.instructions(feature("UWTROC", POINT, "VALSOU", 12.2), safety(5, 10)));
  }

  @Test
  void rockShallowerThanTheSafetyContourIsAnIsolatedDanger() {
    assertEquals(List.of("SY(ISODGR01)"), procedure.instructions(feature("UWTROC", POINT, "VALSOU", 2.0), MarinerSettings.defaults()));
    assertEquals(List.of("SY(ISODGR01)", "SY(LOWACC01)"),
        procedure.instructions(feature("UWTROC", POINT, "WATLEV", 4L, "QUAPOS", 5L), MarinerSettings.defaults()));
  }
}
