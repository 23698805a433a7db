package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.StringList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeConditionTest {
  private static boolean matches(String condition, Map<String, Object> attributes) {
    return AttributeCondition.parse(condition).matches(attributes);
  }

  @Test
  void parsesAcronymAndValue() {
    AttributeCondition condition = AttributeCondition.parse("COLOUR3,4,3");
    assertEquals("COLOUR", condition.acronym());
    assertEquals("3,4,3", condition.value());
    assertEquals("COLOUR3,4,3", condition.toString());
    assertEquals("", AttributeCondition.parse("ORIENT").value());
    assertThrows(IllegalArgumentException.class, () -> AttributeCondition.parse("CAT"));
  }

  @Test
  void enumeratedValuesCompareAsNumbers() {
    assertTrue(matches("BOYSHP2", Map.of("BOYSHP", 2L)));
    assertFalse(matches("BOYSHP2", Map.of("BOYSHP", 3L)));
    assertTrue(matches("VALSOU0", Map.of("VALSOU", 0.0)));
    assertTrue(matches("CATLMK17", Map.of("CATLMK", "17")));
    assertTrue(matches("CATLMK17", Map.of("CATLMK", new StringList(List.of("17")))));
    assertFalse(matches("BOYSHP2", Map.of()));
  }

  @Test
  void listsMatchElementByElementInOrder() {
    Map<String, Object> redGreenRed = Map.of("COLOUR", new StringList(List.of("3", "4", "3")));
    assertTrue(matches("COLOUR3,4,3", redGreenRed));
    assertFalse(matches("COLOUR4,3,4", redGreenRed));
    assertFalse(matches("COLOUR3,4", redGreenRed));
    assertFalse(matches("COLOUR3", redGreenRed));
    assertTrue(matches("COLOUR3,4,3", Map.of("COLOUR", new IntList(List.of(3L, 4L, 3L)))));
    assertTrue(matches("COLOUR3,4,3", Map.of("COLOUR", new RealList(List.of(3.0, 4.0, 3.0)))));
  }

  @Test
  void emptyValueMeansPresentAndQuestionMarkMeansAbsent() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("DRVAL1", null);
    assertTrue(matches("ORIENT", Map.of("ORIENT", 90.0)));
    assertFalse(matches("ORIENT", Map.of()));
    assertFalse(matches("DRVAL1", withNull));
    assertTrue(matches("DRVAL1?", Map.of()));
    assertTrue(matches("DRVAL1?", withNull));
    assertFalse(matches("DRVAL1?", Map.of("DRVAL1", 5.0)));
  }

  @Test
  void textThatIsNoNumberMatchesOnlyItself() {
    assertTrue(matches("OBJNAMHarbour", Map.of("OBJNAM", "Harbour")));
    assertFalse(matches("OBJNAMHarbour", Map.of("OBJNAM", "Port")));
    assertFalse(matches("BOYSHP2", Map.of("BOYSHP", "two")));
  }
}
