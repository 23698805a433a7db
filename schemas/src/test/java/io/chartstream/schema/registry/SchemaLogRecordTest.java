package io.chartstream.schema.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaLogRecordTest {
  private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}";

  @Test
  void keyIsConfluentsWithFieldsInConfluentsOrder() {
    SchemaLogRecord record = new SchemaLogRecord("charts.catalog-value", 3, 7, SCHEMA, false);
    assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"charts.catalog-value\",\"version\":3,\"magic\":1}",
        new String(record.key(), StandardCharsets.UTF_8));
  }

  @Test
  void valueIsConfluents() {
    SchemaLogRecord record = new SchemaLogRecord("s", 1, 2, SCHEMA, false);
    assertEquals("{\"subject\":\"s\",\"version\":1,\"id\":2,\"schema\":\"" + SCHEMA.replace("\"", "\\\"")
        + "\",\"deleted\":false}", new String(record.value(), StandardCharsets.UTF_8));
  }

  @Test
  void parsesWhatItWrites() {
    SchemaLogRecord record = new SchemaLogRecord("Île d'Oléron 東京-value", 2, 5, SCHEMA, false);
    assertEquals(Optional.of(record), SchemaLogRecord.parse(record.key(), record.value()));
    assertArrayEquals(record.key(), SchemaLogRecord.keyOf(record.subject(), record.version()));
  }

  @Test
  void readsConfluentsSoftDeletes() {
    byte[] value = ("{\"subject\":\"s\",\"version\":1,\"id\":2,\"schema\":\"\\\"string\\\"\",\"deleted\":true}")
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(SchemaLogRecord.parse(SchemaLogRecord.keyOf("s", 1), value).orElseThrow().deleted());
  }

  @Test
  void skipsOtherKeyTypesTombstonesAndOtherSchemaTypes() {
    byte[] noop = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);
    byte[] protobuf = "{\"subject\":\"s\",\"version\":1,\"id\":2,\"schema\":\"syntax\",\"schemaType\":\"PROTOBUF\"}"
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(Optional.empty(), SchemaLogRecord.parse(noop, "{}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), SchemaLogRecord.parse(SchemaLogRecord.keyOf("s", 1), null));
    assertEquals(Optional.empty(), SchemaLogRecord.parse(SchemaLogRecord.keyOf("s", 1), protobuf));
  }

  @Test
  void refusesRecordsThatAreNotSchemaRecords() {
    byte[] key = SchemaLogRecord.keyOf("s", 1);
    assertThrows(IllegalArgumentException.class,
        () -> SchemaLogRecord.parse("not json".getBytes(StandardCharsets.UTF_8), new byte[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> SchemaLogRecord.parse(key, "{\"subject\":\"s\"}".getBytes(StandardCharsets.UTF_8)));
  }
}
