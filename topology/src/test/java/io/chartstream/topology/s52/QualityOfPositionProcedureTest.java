package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityOfPositionProcedureTest {
  /** CSP §13.2.9 QUAPNT02: QUAPOS 2–9 select LOWACC01; the line test (QUALIN01 etc.) is "not 1, 10, 11". */
  @ParameterizedTest(name = "QUAPOS {0}")
  @CsvSource({
      // QUAPOS, QUAPNT02 low accuracy, line procedures' "unreliable"
      "1, false, false",   // surveyed
      "2, true, true",     // unsurveyed
      "4, true, true",     // approximated
      "5, true, true",     // position doubtful
      "9, true, true",     // estimated
      "10, false, false",  // precisely known
      "11, false, false",  // calculated
      "12, false, true",   // outside the code list: only the line test catches it
  })
  void quapos(long quapos, boolean lowAccuracy, boolean unreliable) {
    var f = feature("LNDARE", POINT, "QUAPOS", quapos);
    assertEquals(lowAccuracy, QualityOfPositionProcedure.lowAccuracy(f));
    assertEquals(unreliable, QualityOfPositionProcedure.unreliable(f));
    assertEquals(lowAccuracy ? Optional.of("SY(LOWACC01)") : Optional.empty(), QualityOfPositionProcedure.lowAccuracySymbol(f));
  }

  @ParameterizedTest(name = "no QUAPOS on {0}")
  @CsvSource({"LNDARE", "OBSTRN", "WRECKS"})
  void withoutQuaposThePositionIsAccurate(String objectClass) {
    var f = feature(objectClass, POINT);
    assertEquals(Optional.empty(), QualityOfPositionProcedure.lowAccuracySymbol(f));
    assertEquals(false, QualityOfPositionProcedure.unreliable(f));
  }
}
