package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.AREA;
import static io.chartstream.topology.s52.ProcedureAttributesTest.LINE;
import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static io.chartstream.topology.s52.ProcedureAttributesTest.safety;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CSP §13.2.6 OBSTRN07 with UDWHAZ05, DEPVAL02, SNDFRM04, QUAPNT02. Safety contour and depth 10 m
 * unless said; a safety contour of −20 m keeps UDWHAZ05 quiet (DEPTH_VALUE is never at or above
 * it), to reach the lookup branches a per-feature stage otherwise covers with ISODGR01.
 */
class ObstructionProcedureTest {
  private final ObstructionProcedure procedure = new ObstructionProcedure();
  private final MarinerSettings settings = safety(10, 10);
  private final MarinerSettings quiet = safety(-20, 10);

  @Test
  void obstructionShallowerThanTheSafetyContourIsAnIsolatedDanger() {
    assertEquals(List.of("SY(ISODGR01)"), procedure.instructions(feature("OBSTRN", POINT, "VALSOU", 4.5), settings));
    assertEquals(List.of("SY(ISODGR01)", "SY(LOWACC01)"),
        procedure.instructions(feature("OBSTRN", POINT, "VALSOU", 4.5, "QUAPOS", 4L), settings));
  }

  @Test
  void obstructionDeeperThanTheSafetyDepthIsDanger02WithItsSounding() {
    assertEquals(List.of("SY(DANGER02)", "SY(SOUNDG11)", "SY(SOUNDG05)"),
        procedure.instructions(feature("OBSTRN", POINT, "VALSOU", 15.0), settings));
  }

  @Test
  void obstructionAtOrAboveTheSafetyDepthOutsideSafeWater() {
    var deepContour = safety(5, 10); // 8 m is deeper than the 5 m safety contour: no isolated danger
    assertEquals(List.of("SY(DANGER01)", "SY(SOUNDS18)", "SY(SOUNDS50)"),
        procedure.instructions(feature("OBSTRN", POINT, "VALSOU", 8.0), deepContour));
    assertEquals(List.of("SY(DANGER03)", "SY(SOUNDS18)", "SY(SOUNDS50)"),
        procedure.instructions(feature("OBSTRN", POINT, "VALSOU", 8.0, "WATLEV", 5L), deepContour));
    assertEquals(List.of("SY(DANGER01)", "SY(SOUNDS18)", "SY(SOUNDS50)"),
        procedure.instructions(feature("OBSTRN", POINT, "VALSOU", 8.0, "CATOBS", 6L, "WATLEV", 5L), deepContour));
  }

  @Test
  void dryObstructionIsNeverIsolated() {
    // UDWHAZ05: WATLEV 1 or 2 in safe water is display base without ISODGR01.
    assertEquals(List.of("SY(OBSTRN11)"), procedure.instructions(feature("OBSTRN", POINT, "VALSOU", 4.5, "WATLEV", 2L), settings));
    assertEquals(List.of("SY(OBSTRN11)"), procedure.instructions(feature("OBSTRN", POINT, "WATLEV", 1L), settings));
  }

  @Test
  void withoutValsouTheFailSafeDepthDecides() {
    // WATLEV 3: 0.01 m; CATOBS 6: 0.01 m; WATLEV 5: 0 m; unknown: -15 m; all at or above 10 m.
    assertEquals(List.of("SY(ISODGR01)"), procedure.instructions(feature("OBSTRN", POINT, "WATLEV", 3L), settings));
    assertEquals(List.of("SY(ISODGR01)"), procedure.instructions(feature("OBSTRN", POINT, "CATOBS", 6L), settings));
    assertEquals(List.of("SY(ISODGR01)"), procedure.instructions(feature("OBSTRN", POINT), settings));
  }

  @Test
  void withoutValsouOrIsolatedDangerTheSymbolFollowsCatobsAndWatlev() {
    assertEquals(List.of("SY(OBSTRN01)"), procedure.instructions(feature("OBSTRN", POINT, "CATOBS", 6L, "WATLEV", 4L), quiet));
    assertEquals(List.of("SY(OBSTRN03)"), procedure.instructions(feature("OBSTRN", POINT, "WATLEV", 4L), quiet));
    assertEquals(List.of("SY(OBSTRN03)"), procedure.instructions(feature("OBSTRN", POINT, "WATLEV", 5L), quiet));
    assertEquals(List.of("SY(OBSTRN01)"), procedure.instructions(feature("OBSTRN", POINT, "WATLEV", 3L), quiet));
  }

  @Test
  void lines() {
    assertEquals(List.of("LS(DASH,2,CHBLK)", "SY(SOUNDG11)", "SY(SOUNDG05)"),
        procedure.instructions(feature("OBSTRN", LINE, "VALSOU", 15.0), settings));
    assertEquals(List.of("LS(DOTT,2,CHBLK)", "SY(ISODGR01)"), procedure.instructions(feature("OBSTRN", LINE, "VALSOU", 3.0), settings));
    assertEquals(List.of("LC(LOWACC41)", "SY(ISODGR01)"),
        procedure.instructions(feature("OBSTRN", LINE, "VALSOU", 3.0, "QUAPOS", 5L), settings));
    assertEquals(List.of("LC(LOWACC31)"), procedure.instructions(feature("OBSTRN", LINE, "QUAPOS", 5L), quiet));
    assertEquals(List.of("LS(DOTT,2,CHBLK)"), procedure.instructions(feature("OBSTRN", LINE), quiet));
  }

  @Test
  void areas() {
    assertEquals(List.of("AC(DEPVS)", "AP(FOULAR01)", "LS(DOTT,2,CHBLK)", "SY(ISODGR01)"),
        procedure.instructions(feature("OBSTRN", AREA, "VALSOU", 3.0), settings));
    assertEquals(List.of("LS(DASH,2,CHGRD)", "SY(SOUNDG11)", "SY(SOUNDG05)"),
        procedure.instructions(feature("OBSTRN", AREA, "VALSOU", 15.0), settings));
    assertEquals(List.of("AC(CHBRN)", "LS(SOLD,2,CSTLN)"), procedure.instructions(feature("OBSTRN", AREA, "WATLEV", 2L), settings));
    assertEquals(List.of("AP(FOULAR01)", "LS(DOTT,2,CHBLK)"), procedure.instructions(feature("OBSTRN", AREA, "CATOBS", 6L), quiet));
    assertEquals(List.of("AC(DEPIT)", "LS(DASH,2,CSTLN)", "SY(LOWACC01)"),
        procedure.instructions(feature("OBSTRN", AREA, "WATLEV", 4L, "QUAPOS", 7L), quiet));
    assertEquals(List.of("AC(DEPVS)", "LS(DOTT,2,CHBLK)"), procedure.instructions(feature("OBSTRN", AREA), quiet));
  }

  @Test
  void underwaterRocksTakeTheRockBranch() {
    assertEquals(List.of("SY(UWTROC03)"), procedure.instructions(feature("UWTROC", POINT, "WATLEV", 3L), quiet));
    assertEquals(new UnderwaterRockProcedure().instructions(feature("UWTROC", POINT, "WATLEV", 4L), quiet),
        procedure.instructions(feature("UWTROC", POINT, "WATLEV", 4L), quiet));
  }
}
