package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.LINE;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static io.chartstream.topology.s52.ProcedureAttributesTest.safety;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.2 DEPCNT03, with DEPARE03's certain safety contour (VALDCO = safety contour) and SAFCON01 labels. */
class DepthContourProcedureTest {
  private final DepthContourProcedure procedure = new DepthContourProcedure();

  @Test
  void contourIsASolidThinLine() {
    assertEquals(List.of("LS(SOLD,1,DEPCN)"), procedure.instructions(feature("DEPCNT", LINE, "VALDCO", 20.0), safety(10, 10)));
    assertEquals(List.of("LS(SOLD,1,DEPCN)"), procedure.instructions(feature("DEPCNT", LINE, "QUAPOS", 10L), safety(10, 10)));
  }

  @Test
  void unreliableContourIsDashed() {
    assertEquals(List.of("LS(DASH,1,DEPCN)"),
        procedure.instructions(feature("DEPCNT", LINE, "VALDCO", 20.0, "QUAPOS", 4L), safety(10, 10)));
  }

  @Test
  void contourAtTheSafetyContourIsHighlighted() {
    assertEquals(List.of("LS(SOLD,1,DEPCN)", "LS(SOLD,2,DEPSC)"),
        procedure.instructions(feature("DEPCNT", LINE, "VALDCO", 10.0), safety(10, 10)));
    assertEquals(List.of("LS(DASH,1,DEPCN)", "LS(DASH,2,DEPSC)"),
        procedure.instructions(feature("DEPCNT", LINE, "VALDCO", 10.0, "QUAPOS", 5L), safety(10, 10)));
  }

  @Test
  void labelsOnRequest() {
    var labelled = new DepthContourProcedure(true);
    assertEquals(List.of("LS(SOLD,1,DEPCN)", "SY(SAFCON05)"),
        labelled.instructions(feature("DEPCNT", LINE, "VALDCO", 5.0), safety(10, 10)));
    assertEquals(List.of("LS(SOLD,1,DEPCN)", "SY(SAFCON00)"), labelled.instructions(feature("DEPCNT", LINE), safety(10, 10)),
        "a missing VALDCO is labelled 0 m");
  }
}
