package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.AREA;
import static io.chartstream.topology.s52.ProcedureAttributesTest.LINE;
import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.codes;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.14 SLCONS04. */
class ShorelineConstructionProcedureTest {
  private final ShorelineConstructionProcedure procedure = new ShorelineConstructionProcedure();
  private final MarinerSettings settings = MarinerSettings.defaults();

  private List<String> line(Object... attributes) {
    return procedure.instructions(feature("SLCONS", LINE, attributes), settings);
  }

  @Test
  void pointsGetOnlyTheLowAccuracySymbol() {
    assertEquals(List.of("SY(LOWACC01)"), procedure.instructions(feature("SLCONS", POINT, "QUAPOS", 4L), settings));
    assertEquals(List.of(), procedure.instructions(feature("SLCONS", POINT), settings));
  }

  @Test
  void unreliableLinesAreLowAccuracyLines() {
    assertEquals(List.of("LC(LOWACC21)"), line("QUAPOS", 5L, "CATSLC", codes(6)));
  }

  @Test
  void lookupEntriesInOrder() {
    assertEquals(List.of("LS(SOLD,2,CSTLN)"), line());
    assertEquals(List.of("LS(DASH,1,CSTLN)"), line("CONDTN", 1L, "CATSLC", codes(6)), "ruined before breakwater");
    assertEquals(List.of("LS(DASH,1,CSTLN)"), line("CONDTN", 2L));
    assertEquals(List.of("LS(SOLD,4,CSTLN)"), line("CATSLC", codes(15), "WATLEV", 3L), "training wall before water level");
    assertEquals(List.of("LS(DASH,2,CSTLN)"), line("WATLEV", 4L));
    assertEquals(List.of("LS(SOLD,2,CSTLN)"), line("WATLEV", 2L));
  }

  @Test
  void areaBoundariesLikeLines() {
    assertEquals(List.of("LS(SOLD,4,CSTLN)"), procedure.instructions(feature("SLCONS", AREA, "CATSLC", codes(16)), settings));
  }
}
