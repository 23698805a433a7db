package io.chartstream.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One schema version as Confluent Schema Registry keeps it in its {@code _schemas} topic, so the
 * embedded registry's topic reads like Confluent's (and Confluent's tools recognise it).
 *
 * <p>Key: {@code {"keytype":"SCHEMA","subject":…,"version":…,"magic":1}}, always written with
 * the fields in this order, because compaction keeps the last record per key <em>bytes</em>.
 * Value: {@code {"subject":…,"version":…,"id":…,"schema":…,"deleted":false}}. Confluent's other
 * key types (NOOP, CONFIG, DELETE_SUBJECT, …) carry no schema and are skipped when reading.
 *
 * @param deleted true for a version soft-deleted by a Confluent registry; never written here
 */
record SchemaLogRecord(String subject, int version, int id, String schema, boolean deleted) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY_TYPE = "SCHEMA";
  private static final int MAGIC = 1;

  SchemaLogRecord {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }

  byte[] key() {
    return keyOf(subject, version);
  }

  byte[] value() {
    return JSON.createObjectNode()
        .put("subject", subject)
        .put("version", version)
        .put("id", id)
        .put("schema", schema)
        .put("deleted", deleted)
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] keyOf(String subject, int version) {
    return JSON.createObjectNode()
        .put("keytype", KEY_TYPE)
        .put("subject", subject)
        .put("version", version)
        .put("magic", MAGIC)
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The schema version in a record of the topic, or empty for a record that holds none: another
   * key type, or a tombstone (null value) that compaction has not yet removed.
   *
   * @throws IllegalArgumentException if a SCHEMA record is not JSON of the expected shape
   */
  static Optional<SchemaLogRecord> parse(byte[] key, byte[] value) {
    if (key == null || value == null) {
      return Optional.empty();
    }
    try {
      if (!KEY_TYPE.equals(JSON.readTree(key).path("keytype").asText())) {
        return Optional.empty();
      }
      JsonNode v = JSON.readTree(value);
      if (!v.path("subject").isTextual() || !v.path("version").isInt() || !v.path("id").isInt()
          || !v.path("schema").isTextual()) {
        throw new IllegalArgumentException("Not a schema record: " + v);
      }
      String type = v.path("schemaType").asText("AVRO");
      if (!"AVRO".equals(type)) {
        // A Confluent registry sharing the topic may hold Protobuf or JSON schemas; not ours to serve.
        return Optional.empty();
      }
      return Optional.of(new SchemaLogRecord(v.get("subject").asText(), v.get("version").asInt(),
          v.get("id").asInt(), v.get("schema").asText(), v.path("deleted").asBoolean(false)));
    } catch (IOException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
    }
  }
}
