package io.chartstream.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chartstream.schema.avro.S57Feature;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

class JavaStringReaderSchemaTest {
  private static final String PROP = GenericData.STRING_PROP;

  @Test
  void marksStringsAndMapKeysInACopy() {
    Schema original = new Schema.Parser().parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "s", "type": "string"},
          {"name": "m", "type": {"type": "map", "values": ["null", {"type": "array", "items": "string"}]}}]}""");
    String before = original.toString();

    Schema copy = JavaStringReaderSchema.of(original);

    assertEquals(before, original.toString(), "the caller's schema is untouched");
    assertEquals("String", copy.getField("s").schema().getProp(PROP));
    Schema map = copy.getField("m").schema();
    assertEquals("String", map.getProp(PROP));
    assertEquals("String", map.getValueType().getTypes().get(1).getElementType().getProp(PROP));
  }

  @Test
  void keepsAnExplicitStringType() {
    Schema utf8 = new Schema.Parser().parse("{\"type\": \"string\", \"avro.java.string\": \"Utf8\"}");
    assertEquals("Utf8", JavaStringReaderSchema.of(utf8).getProp(PROP));
  }

  @Test
  void handlesRecursiveTypesAndBareStrings() {
    Schema list = new Schema.Parser().parse("""
        {"type": "record", "name": "Node", "fields": [
          {"name": "label", "type": "string"}, {"name": "next", "type": ["null", "Node"]}]}""");
    Schema copy = JavaStringReaderSchema.of(list);
    assertEquals("String", copy.getField("label").schema().getProp(PROP));
    assertEquals("String", JavaStringReaderSchema.of(Schema.create(Schema.Type.STRING)).getProp(PROP));
    assertNull(Schema.create(Schema.Type.STRING).getProp(PROP));
  }

  @Test
  void leavesGeneratedSchemasEquivalent() {
    assertEquals(S57Feature.SCHEMA$, JavaStringReaderSchema.of(S57Feature.SCHEMA$));
  }
}
