package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.AREA;
import static io.chartstream.topology.s52.ProcedureAttributesTest.codes;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §13.2.10 RESARE04, continuations A–E. */
class RestrictedAreaProcedureTest {
  private final RestrictedAreaProcedure symbolized = new RestrictedAreaProcedure();
  private final RestrictedAreaProcedure plain = new RestrictedAreaProcedure(false);
  private final MarinerSettings settings = MarinerSettings.defaults();

  private List<String> symbolized(Object... attributes) {
    return symbolized.instructions(feature("RESARE", AREA, attributes), settings);
  }

  @Test
  void entryProhibitedGetsTheEntryRestrictedSymbol() {
    assertEquals(List.of("SY(ENTRES51)", "LC(ENTRES51)"), symbolized("RESTRN", codes(7)));
    assertEquals(List.of("SY(ENTRES51)", "LS(DASH,2,CHMGD)"), plain.instructions(feature("RESARE", AREA, "RESTRN", codes(7)), settings));
  }

  @Test
  void continuationATakesCategoriesIntoAccount() {
    assertEquals(List.of("SY(ENTRES61)", "LC(ENTRES51)"), symbolized("RESTRN", codes(7), "CATREA", codes(9)), "military area");
    assertEquals(List.of("SY(ENTRES71)", "LC(ENTRES51)"), symbolized("RESTRN", codes(7), "CATREA", codes(4)), "nature reserve");
    assertEquals(List.of("SY(ENTRES61)", "LC(ENTRES51)"), symbolized("RESTRN", codes(8, 2)));
  }

  @Test
  void anchoringAndFishing() {
    assertEquals(List.of("SY(ACHRES51)", "LC(ACHRES51)"), symbolized("RESTRN", codes(1)));
    assertEquals(List.of("SY(ACHRES71)", "LC(ACHRES51)"), symbolized("RESTRN", codes(2), "CATREA", codes(22)));
    assertEquals(List.of("SY(FSHRES51)", "LC(FSHRES51)"), symbolized("RESTRN", codes(3)));
    // As written in continuation C, 24 counts as a further restriction there (not in RESCSP02).
    assertEquals(List.of("SY(FSHRES61)", "LC(FSHRES51)"), symbolized("RESTRN", codes(24)));
  }

  @Test
  void otherTrafficAndOwnShipRestrictions() {
    assertEquals(List.of("SY(CTYARE51)", "LC(CTYARE51)"), symbolized("RESTRN", codes(13), "CATREA", codes(1)));
    assertEquals(List.of("SY(CTYARE71)", "LC(CTYARE51)"), symbolized("RESTRN", codes(27), "CATREA", codes(5)));
    assertEquals(List.of("SY(INFARE51)", "LC(CTYARE51)"), symbolized("RESTRN", codes(11)));
    assertEquals(List.of("SY(RSRDEF51)", "LC(CTYARE51)"), symbolized("RESTRN", codes(42)));
  }

  @Test
  void continuationEWithoutRestrn() {
    assertEquals(List.of("SY(RSRDEF51)", "LC(CTYARE51)"), symbolized());
    assertEquals(List.of("SY(CTYARE51)", "LC(CTYARE51)"), symbolized("CATREA", codes(14)), "minefield");
    assertEquals(List.of("SY(CTYARE71)", "LC(CTYARE51)"), symbolized("CATREA", codes(1, 4)));
    assertEquals(List.of("SY(INFARE51)", "LC(CTYARE51)"), symbolized("CATREA", codes(5)), "bird sanctuary");
    assertEquals(List.of("SY(RSRDEF51)", "LC(CTYARE51)"), symbolized("CATREA", codes(2)));
  }
}
