package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSP §13.2.15 SEABED01: shallow 2 m, safety 10 m, deep 30 m. */
class SeabedProcedureTest {
  private static MarinerSettings shades(boolean two, boolean pattern) {
    return new MarinerSettings(10.0, 2.0, 30.0, 10.0, two, pattern);
  }

  @ParameterizedTest(name = "{0}–{1} m: four shades {2}, two shades {3}")
  @CsvSource({
      "-1, 0, DEPIT, DEPIT",     // drying: DRVAL2 not > 0
      "-2, 3, DEPIT, DEPIT",     // straddles the low water line
      "0, 1, DEPVS, DEPVS",
      "0, 2, DEPVS, DEPVS",      // DRVAL2 must pass the shallow contour
      "2, 5, DEPMS, DEPVS",      // from the shallow contour
      "5, 15, DEPMS, DEPVS",     // straddles the safety contour: the shallower shade
      "10, 20, DEPMD, DEPDW",    // from the safety contour
      "20, 30, DEPMD, DEPDW",    // DRVAL2 must pass the deep contour
      "30, 50, DEPDW, DEPDW",    // from the deep contour
  })
  void colourByRange(double drval1, double drval2, String four, String two) {
    assertEquals(List.of("AC(" + four + ")"), SeabedProcedure.instructions(drval1, drval2, shades(false, false)));
    assertEquals(List.of("AC(" + two + ")"), SeabedProcedure.instructions(drval1, drval2, shades(true, false)));
  }

  @Test
  void shallowPatternCoversWaterShallowerThanTheSafetyContour() {
    assertEquals(List.of("AC(DEPMS)", "AP(DIAMOND1)"), SeabedProcedure.instructions(5, 8, shades(false, true)));
    assertEquals(List.of("AC(DEPVS)", "AP(DIAMOND1)"), SeabedProcedure.instructions(5, 8, shades(true, true)));
    assertEquals(List.of("AC(DEPIT)", "AP(DIAMOND1)"), SeabedProcedure.instructions(-1, 0, shades(true, true)));
    assertEquals(List.of("AC(DEPMD)"), SeabedProcedure.instructions(10, 20, shades(false, true)));
    assertEquals(List.of("AC(DEPDW)"), SeabedProcedure.instructions(10, 20, shades(true, true)));
  }
}
