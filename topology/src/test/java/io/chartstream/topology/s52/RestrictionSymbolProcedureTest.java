package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSP §13.2.12 RESCSP02: the highest ranked restriction picks the family, the rest the subscript. */
class RestrictionSymbolProcedureTest {
  @ParameterizedTest(name = "RESTRN {0} → {1}")
  @CsvSource(delimiter = ';', value = {
      "7; ENTRES51",      // entry prohibited
      "8 1; ENTRES61",    // entry restricted + anchoring prohibited
      "14 27; ENTRES61",  // area to be avoided + speed restricted
      "7 9; ENTRES71",    // + dredging prohibited (own ship)
      "1; ACHRES51",
      "2 3; ACHRES61",
      "1 24; ACHRES61",
      "1 11; ACHRES71",
      "3; FSHRES51",
      "24; FSHRES51",     // RESCSP02 does not count 24 as a further restriction
      "4 13; FSHRES61",
      "5 20; FSHRES71",
      "13; CTYARE51",
      "16 22; CTYARE71",
      "9; INFARE51",
      "99; RSRDEF51",
  })
  void symbol(String restrn, String symbol) {
    List<Integer> values = Arrays.stream(restrn.split(" ")).map(Integer::valueOf).toList();
    assertEquals("SY(" + symbol + ")", RestrictionSymbolProcedure.instruction(values));
  }
}
