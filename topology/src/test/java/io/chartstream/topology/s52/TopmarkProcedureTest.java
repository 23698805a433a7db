package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSP §13.2.19 TOPMAR01 and its TOPSHP table. */
class TopmarkProcedureTest {
  private final TopmarkProcedure procedure = new TopmarkProcedure();

  @Test
  void perFeatureTheRigidVariant() {
    assertEquals(List.of("SY(TOPMAR22)"), procedure.instructions(feature("TOPMAR", POINT, "TOPSHP", 1L), MarinerSettings.defaults()));
    assertEquals(List.of("SY(TOPMAR30)"), procedure.instructions(feature("TOPMAR", POINT, "TOPSHP", 3L), MarinerSettings.defaults()));
  }

  @Test
  void withoutShapeAQuestionMark() {
    assertEquals(List.of("SY(QUESMRK1)"), procedure.instructions(feature("TOPMAR", POINT), MarinerSettings.defaults()));
  }

  @ParameterizedTest(name = "TOPSHP {0}: floating {1}, rigid {2}")
  @CsvSource({
      "1, TOPMAR02, TOPMAR22",   // cone, point up
      "2, TOPMAR04, TOPMAR24",   // cone, point down
      "7, TOPMAR65, TOPMAR85",   // x-shape
      "8, TOPMAR17, TOPMAR86",   // upright cross
      "12, TOPMAR14, TOPMAR14",  // both the same in the CSP's table
      "15, TMARDEF2, TOPMAR88",
      "17, TMARDEF2, TMARDEF1",
      "28, TOPMAR18, TOPMAR89",
      "33, TMARDEF2, TMARDEF1",  // other shape
      "0, TMARDEF2, TMARDEF1",   // default
      "34, TMARDEF2, TMARDEF1",
  })
  void table(int topshp, String floating, String rigid) {
    assertEquals(floating, TopmarkProcedure.symbol(topshp, true));
    assertEquals(rigid, TopmarkProcedure.symbol(topshp, false));
  }
}
