package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.StringList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupTableTest {
  private static LookupEntry entry(String objectClass, String instruction, String... conditions) {
    return new LookupEntry(LookupTableName.PAPER_CHART, objectClass,
        Arrays.stream(conditions).map(AttributeCondition::parse).toList(), List.of(instruction),
        8, true, DisplayCategory.STANDARD, 27010, "test");
  }

  private static final LookupTable TABLE = new LookupTable(LookupTableName.PAPER_CHART, List.of(
      entry(LookupEntry.UNKNOWN_CLASS, "SY(QUESMRK1)"),
      entry("BOYLAT", "SY(BOYGEN03)"),
      entry("BOYLAT", "SY(BOYCON01)", "BOYSHP1"),
      entry("BOYLAT", "SY(BOYCAN01)", "BOYSHP2"),
      entry("BOYLAT", "SY(BOYLAT24)", "BOYSHP2", "COLOUR3"),
      entry("BOYLAT", "SY(LATER)", "COLOUR3", "BOYSHP2"),
      entry("BOYLAT", "SY(SECOND)"),
      entry("BOYLAT", "SY(SPHERE)", "CATLAM1"),
      entry("BOYLAT", "SY(FIRST1)", "BOYSHP3"),
      entry("BCNLAT", "SY(BCNSTK02)", "BCNSHP1")));

  private static String chosen(String objectClass, Map<String, Object> attributes) {
    return TABLE.choose(objectClass, attributes).map(e -> e.instructions().getFirst()).orElse("none");
  }

  @Test
  void theEntryWithTheMostMatchingConditionsWins() {
    Map<String, Object> canRed = Map.of("BOYSHP", 2L, "COLOUR", new StringList(List.of("3")));
    assertEquals("SY(BOYLAT24)", chosen("BOYLAT", canRed));
    assertEquals("SY(BOYCAN01)", chosen("BOYLAT", Map.of("BOYSHP", 2L, "COLOUR", new StringList(List.of("4")))));
  }

  @Test
  void onATieTheFirstListedWins() {
    // BOYSHP3 and CATLAM1 both hold with one condition each: CATLAM1 is listed first.
    assertEquals("SY(SPHERE)", chosen("BOYLAT", Map.of("BOYSHP", 3L, "CATLAM", 1L)));
  }

  @Test
  void noMatchGivesTheFirstEntryWithoutConditions() {
    assertEquals("SY(BOYGEN03)", chosen("BOYLAT", Map.of("BOYSHP", 7L)));
    assertEquals("SY(BOYGEN03)", chosen("BOYLAT", Map.of()));
  }

  @Test
  void aClassWithoutDefaultOrMatchOrWithoutEntriesHasNone() {
    assertEquals("none", chosen("BCNLAT", Map.of("BCNSHP", 5L)));
    assertEquals("SY(BCNSTK02)", chosen("BCNLAT", Map.of("BCNSHP", 1L)));
    assertEquals("none", chosen("ZZZZZZ", Map.of()));
  }

  @Test
  void theFallbackIsTheUnknownClassEntry() {
    assertEquals("SY(QUESMRK1)", TABLE.fallback().orElseThrow().instructions().getFirst());
    assertTrue(new LookupTable(LookupTableName.LINES, List.of()).fallback().isEmpty());
  }

  @Test
  void entriesStayInSourceOrderPerClass() {
    assertEquals(8, TABLE.entries("BOYLAT").size());
    assertEquals(List.of("######", "BOYLAT", "BCNLAT"), List.copyOf(TABLE.objectClasses()));
  }

  @Test
  void anEntryOfAnotherTableIsRejected() {
    LookupEntry line = new LookupEntry(LookupTableName.LINES, "COALNE", List.of(), List.of(), 7, true,
        DisplayCategory.DISPLAYBASE, 12410, "test");
    assertThrows(IllegalArgumentException.class, () -> new LookupTable(LookupTableName.PAPER_CHART, List.of(line)));
  }

  @Test
  void labelsNameTableClassAndConditions() {
    assertEquals("PAPER_CHART BOYLAT BOYSHP2 COLOUR3",
        TABLE.choose("BOYLAT", Map.of("BOYSHP", 2L, "COLOUR", new StringList(List.of("3")))).orElseThrow().label());
  }
}
