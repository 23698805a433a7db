package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.LINE;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.8 QUALIN01. */
class LineQualityProcedureTest {
  @Test
  void unreliableLineIsTheLowAccuracyComplexLine() {
    assertEquals(List.of("LC(LOWACC21)"), LineQualityProcedure.instructions(feature("COALNE", LINE, "QUAPOS", 4L)));
    assertEquals(List.of("LC(LOWACC21)"), LineQualityProcedure.instructions(feature("LNDARE", LINE, "QUAPOS", 5L)));
  }

  @Test
  void radarConspicuousCoastlineGetsTheMagentaUnderlay() {
    assertEquals(List.of("LS(SOLD,3,CHMGF)", "LS(SOLD,1,CSTLN)"),
        LineQualityProcedure.instructions(feature("COALNE", LINE, "CONRAD", 1L, "QUAPOS", 1L)));
  }

  @Test
  void otherLinesArePlainCoastline() {
    assertEquals(List.of("LS(SOLD,1,CSTLN)"), LineQualityProcedure.instructions(feature("COALNE", LINE)));
    assertEquals(List.of("LS(SOLD,1,CSTLN)"), LineQualityProcedure.instructions(feature("COALNE", LINE, "CONRAD", 2L)));
    // CONRAD is tested for coastlines only.
    assertEquals(List.of("LS(SOLD,1,CSTLN)"), LineQualityProcedure.instructions(feature("LNDARE", LINE, "CONRAD", 1L)));
  }
}
