package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartstream.schema.avro.IntList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributeTextTest {
  final Map<String, Object> attributes = Map.of("OBJNAM", "Browns Point", "VERCLR", 8.5, "HEIGHT", 12.0,
      "COLOUR", new IntList(List.of(3L, 1L)), "NOBJNM", "");

  @Test
  void valuesAsAChartShowsThem() {
    assertEquals(Optional.of("Browns Point"), AttributeText.text(attributes, "OBJNAM"));
    assertEquals(Optional.of("12"), AttributeText.text(attributes, "HEIGHT"));
    assertEquals(Optional.of("3,1"), AttributeText.text(attributes, "COLOUR"));
    assertEquals(Optional.empty(), AttributeText.text(attributes, "NOBJNM"));
    assertEquals(Optional.empty(), AttributeText.text(attributes, "INFORM"));
  }

  @Test
  void printfFormats() {
    assertEquals(Optional.of("clr 8.5"), AttributeText.format(attributes, "clr %4.1lf", "VERCLR"));
    assertEquals(Optional.of("by Browns Point"), AttributeText.format(attributes, "by %s", "OBJNAM"));
    assertEquals(Optional.of("12 m, 100%"), AttributeText.format(attributes, "%d m, 100%%", "HEIGHT"));
    assertEquals(Optional.of("Browns Point 8.5"), AttributeText.format(attributes, "%s %s", "OBJNAM,VERCLR"));
  }

  @Test
  void aMissingAttributeMeansNoText() {
    assertEquals(Optional.empty(), AttributeText.format(attributes, "by %s", "INFORM"));
    assertEquals(Optional.empty(), AttributeText.format(attributes, "%s %s", "OBJNAM"));
  }
}
