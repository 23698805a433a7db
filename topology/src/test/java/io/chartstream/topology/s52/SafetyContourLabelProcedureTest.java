package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSP §13.2.13 SAFCON01. */
class SafetyContourLabelProcedureTest {
  @ParameterizedTest(name = "{0} m → {1}")
  @CsvSource(delimiter = ';', value = {
      "3.6; SAFCON03 SAFCON66",            // the CSP's own example: leading digit '3'
      "5; SAFCON05",
      "0; SAFCON00",
      "12.5; SAFCON21 SAFCON12 SAFCON55",
      "30.99; SAFCON23 SAFCON10 SAFCON59", // tenths truncated, not rounded
      "30; SAFCON23 SAFCON10",
      "45.5; SAFCON24 SAFCON15",           // fractions only below 31 m
      "99; SAFCON29 SAFCON19",
      "100; ",                              // optional deep labels: not in the PresLib 4.0 library
      "-1; ",                               // below 0: undetermined
  })
  void label(double depth, String symbols) {
    List<String> expected = symbols == null ? List.of()
        : List.of(symbols.split(" ")).stream().map(s -> "SY(" + s + ")").toList();
    assertEquals(expected, SafetyContourLabelProcedure.instructions(depth));
  }
}
