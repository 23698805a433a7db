package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.AREA;
import static io.chartstream.topology.s52.ProcedureAttributesTest.LINE;
import static io.chartstream.topology.s52.ProcedureAttributesTest.codes;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.1 DEPARE03 (with SEABED01 §13.2.15 and RESCSP02 §13.2.12). Safety contour 10 m, shallow 2, deep 30. */
class DepthAreaProcedureTest {
  private final DepthAreaProcedure procedure = new DepthAreaProcedure();
  private final MarinerSettings fourShades = new MarinerSettings(10.0, 2.0, 30.0, 10.0, false, false);
  private final MarinerSettings twoShades = new MarinerSettings(10.0, 2.0, 30.0, 10.0, true, false);

  @Test
  void areaAcrossTheSafetyContourGetsItsShadeAndTheSafetyContour() {
    var area = feature("DEPARE", AREA, "DRVAL1", 5.0, "DRVAL2", 15.0);
    // SEABED01: 5 m is past the shallow contour but not the safety contour.
    assertEquals(List.of("AC(DEPMS)", "LS(SOLD,2,DEPSC)"), procedure.instructions(area, fourShades));
    assertEquals(List.of("AC(DEPVS)", "LS(SOLD,2,DEPSC)"), procedure.instructions(area, twoShades));
  }

  @Test
  void areaEndingAtTheSafetyContourHoldsIt() {
    // 5–10 m: its deep edge meets water of DRVAL1 >= 10, the safety contour itself.
    assertEquals(List.of("AC(DEPMS)", "LS(SOLD,2,DEPSC)"),
        procedure.instructions(feature("DEPARE", AREA, "DRVAL1", 5.0, "DRVAL2", 10.0), fourShades));
  }

  @Test
  void safeAndShallowAreasHaveNoSafetyContour() {
    assertEquals(List.of("AC(DEPMD)"), procedure.instructions(feature("DEPARE", AREA, "DRVAL1", 10.0, "DRVAL2", 20.0), fourShades));
    assertEquals(List.of("AC(DEPMS)"), procedure.instructions(feature("DEPARE", AREA, "DRVAL1", 2.0, "DRVAL2", 5.0), fourShades));
  }

  @Test
  void areaFromTheDeepContourIsDeepWater() {
    var deep = feature("DEPARE", AREA, "DRVAL1", 30.0, "DRVAL2", 50.0);
    assertEquals(List.of("AC(DEPDW)"), procedure.instructions(deep, fourShades));
    assertEquals(List.of("AC(DEPDW)"), procedure.instructions(deep, twoShades));
    assertEquals(List.of("AC(DEPDW)"), procedure.instructions(deep, MarinerSettings.defaults()));
  }

  @Test
  void missingDrval1IsIntertidalFailSafe() {
    // DRVAL1 = -1, DRVAL2 = DRVAL1 + 0.01: above the low water line.
    assertEquals(List.of("AC(DEPIT)"), procedure.instructions(feature("DEPARE", AREA), fourShades));
  }

  @Test
  void missingDrval2IsDrval1PlusACentimetre() {
    assertEquals(List.of("AC(DEPMD)"), procedure.instructions(feature("DEPARE", AREA, "DRVAL1", 12.0), fourShades));
    // 9.995 m + 0.01 reaches the 10 m safety contour.
    assertEquals(List.of("AC(DEPMS)", "LS(SOLD,2,DEPSC)"),
        procedure.instructions(feature("DEPARE", AREA, "DRVAL1", 9.995), fourShades));
  }

  @Test
  void dredgedAreaGetsItsPatternBoundaryAndRestriction() {
    var dredged = feature("DRGARE", AREA, "DRVAL1", 12.0);
    assertEquals(List.of("AC(DEPMD)", "AP(DRGARE01)", "LS(DASH,1,CHGRF)"), procedure.instructions(dredged, fourShades));
    var restricted = feature("DRGARE", AREA, "DRVAL1", 12.0, "RESTRN", codes(7));
    assertEquals(List.of("AC(DEPMD)", "AP(DRGARE01)", "LS(DASH,1,CHGRF)", "SY(ENTRES51)"),
        procedure.instructions(restricted, fourShades));
  }

  @Test
  void unreliableSafetyContourIsDashed() {
    assertEquals(List.of("AC(DEPMS)", "LS(DASH,2,DEPSC)"),
        procedure.instructions(feature("DEPARE", AREA, "DRVAL1", 5.0, "DRVAL2", 15.0, "QUAPOS", 4L), fourShades));
  }

  @Test
  void shallowPatternOverShallowWater() {
    var settings = new MarinerSettings(10.0, 2.0, 30.0, 10.0, false, true);
    assertEquals(List.of("AC(DEPMS)", "AP(DIAMOND1)", "LS(SOLD,2,DEPSC)"),
        procedure.instructions(feature("DEPARE", AREA, "DRVAL1", 5.0, "DRVAL2", 15.0), settings));
  }

  @Test
  void linesGetOnlyTheSafetyContour() {
    assertEquals(List.of("LS(SOLD,2,DEPSC)"), procedure.instructions(feature("DEPARE", LINE, "DRVAL1", 5.0, "DRVAL2", 15.0), fourShades));
    assertEquals(List.of(), procedure.instructions(feature("DEPARE", LINE, "DRVAL1", 15.0, "DRVAL2", 20.0), fourShades));
  }
}
