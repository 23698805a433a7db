package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.AREA;
import static io.chartstream.topology.s52.ProcedureAttributesTest.LINE;
import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSP §13.2.7 QUAPOS01: lines to QUALIN01, points to QUAPNT02. */
class PositionQualityProcedureTest {
  private final PositionQualityProcedure procedure = new PositionQualityProcedure();
  private final MarinerSettings settings = MarinerSettings.defaults();

  @ParameterizedTest(name = "QUAPOS {0}")
  @ValueSource(longs = {4, 5}) // approximated, position doubtful
  void approximateOrDoubtfulPointGetsTheLowAccuracySymbol(long quapos) {
    assertEquals(List.of("SY(LOWACC01)"), procedure.instructions(feature("LNDARE", POINT, "QUAPOS", quapos), settings));
  }

  @ParameterizedTest(name = "QUAPOS {0}")
  @ValueSource(longs = {4, 5})
  void approximateOrDoubtfulLineGetsTheLowAccuracyLine(long quapos) {
    assertEquals(List.of("LC(LOWACC21)"), procedure.instructions(feature("COALNE", LINE, "QUAPOS", quapos), settings));
  }

  @Test
  void accuratePositions() {
    assertEquals(List.of(), procedure.instructions(feature("LNDARE", POINT), settings));
    assertEquals(List.of(), procedure.instructions(feature("LNDARE", POINT, "QUAPOS", 1L), settings));
    assertEquals(List.of("LS(SOLD,1,CSTLN)"), procedure.instructions(feature("COALNE", LINE, "QUAPOS", 10L), settings));
    assertEquals(List.of("SY(LOWACC01)"), procedure.instructions(feature("LNDARE", AREA, "QUAPOS", 7L), settings),
        "areas as QUAPNT02 allows");
  }

  @Test
  void nameIsTheLookupTablesWithoutVersion() {
    assertEquals("QUAPOS", procedure.name());
  }
}
