package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.AREA;
import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static io.chartstream.topology.s52.ProcedureAttributesTest.safety;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.21 WRECKS05 with DEPVAL02, UDWHAZ05, SNDFRM04, QUAPNT02. Safety depth 10 m. */
class WreckProcedureTest {
  private final WreckProcedure procedure = new WreckProcedure();
  private final MarinerSettings quiet = safety(-20, 10);

  @Test
  void nonDangerousWreckOfUnknownDepthIsTakenAt20Point1Metres() {
    var wreck = feature("WRECKS", POINT, "CATWRK", 1L, "WATLEV", 3L);
    // 20.1 m is deeper than a 10 m safety contour: the lookup's non-dangerous wreck symbol.
    assertEquals(List.of("SY(WRECKS04)"), procedure.instructions(wreck, safety(10, 10)));
    // ... and shallower than the default 30 m one: an isolated danger in (assumed) safe water.
    assertEquals(List.of("SY(ISODGR01)"), procedure.instructions(wreck, MarinerSettings.defaults()));
  }

  @Test
  void dangerousWreckOfUnknownDepth() {
    var wreck = feature("WRECKS", POINT, "CATWRK", 2L, "WATLEV", 3L);
    assertEquals(List.of("SY(ISODGR01)"), procedure.instructions(wreck, safety(10, 10)), "WATLEV 3: 0 m");
    assertEquals(List.of("SY(WRECKS05)"), procedure.instructions(wreck, quiet));
  }

  @Test
  void lookupSymbolsWithoutDepth() {
    assertEquals(List.of("SY(WRECKS01)"), procedure.instructions(feature("WRECKS", POINT, "CATWRK", 4L), quiet));
    assertEquals(List.of("SY(WRECKS01)"), procedure.instructions(feature("WRECKS", POINT, "CATWRK", 5L, "WATLEV", 3L), quiet));
    assertEquals(List.of("SY(WRECKS05)"), procedure.instructions(feature("WRECKS", POINT), quiet));
    // A wreck showing its hull (WATLEV 2) in safe water: display base, no isolated danger (UDWHAZ05).
    assertEquals(List.of("SY(WRECKS01)"), procedure.instructions(feature("WRECKS", POINT, "WATLEV", 2L), safety(10, 10)));
  }

  @Test
  void wreckWithDepth() {
    assertEquals(List.of("SY(DANGER02)", "SY(SOUNDG12)", "SY(SOUNDG05)"),
        procedure.instructions(feature("WRECKS", POINT, "VALSOU", 25.0), safety(10, 10)));
    // QUAPOS 4 marks the sounding (SNDFRM04's C2) and the wreck (QUAPNT02's LOWACC01).
    assertEquals(List.of("SY(DANGER01)", "SY(SOUNDSC2)", "SY(SOUNDS18)", "SY(SOUNDS50)", "SY(LOWACC01)"),
        procedure.instructions(feature("WRECKS", POINT, "VALSOU", 8.0, "QUAPOS", 4L), safety(5, 10)));
    assertEquals(List.of("SY(ISODGR01)"), procedure.instructions(feature("WRECKS", POINT, "VALSOU", 8.0), safety(10, 10)));
  }

  @Test
  void areas() {
    assertEquals(List.of("AC(DEPIT)", "LS(DASH,2,CSTLN)"), procedure.instructions(feature("WRECKS", AREA, "WATLEV", 4L), quiet));
    assertEquals(List.of("AC(CHBRN)", "LS(SOLD,2,CSTLN)"), procedure.instructions(feature("WRECKS", AREA, "WATLEV", 1L), quiet));
    assertEquals(List.of("AC(DEPVS)", "LS(DOTT,2,CSTLN)"), procedure.instructions(feature("WRECKS", AREA, "WATLEV", 5L), quiet));
    assertEquals(List.of("LS(DASH,2,CHBLK)", "SY(SOUNDG12)", "SY(SOUNDG05)"),
        procedure.instructions(feature("WRECKS", AREA, "VALSOU", 25.0), safety(10, 10)));
    assertEquals(List.of("LS(DOTT,2,CHBLK)", "SY(ISODGR01)", "SY(SOUNDS13)", "SY(SOUNDS50)"),
        procedure.instructions(feature("WRECKS", AREA, "VALSOU", 3.0), safety(10, 10)));
    assertEquals(List.of("AC(DEPVS)", "LC(LOWACC41)", "SY(ISODGR01)", "SY(LOWACC01)"),
        procedure.instructions(feature("WRECKS", AREA, "WATLEV", 3L, "QUAPOS", 4L), safety(10, 10)));
  }
}
