package io.chartstream.schema.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {
  private static final Schema V1 = SchemaBuilder.record("Chart").fields().requiredString("id").endRecord();
  private static final Schema V2 = SchemaBuilder.record("Chart").fields()
      .requiredString("id").optionalInt("scale").endRecord();

  private final SchemaCatalog catalog = new SchemaCatalog();

  @Test
  void startsEmptyWithIdOne() {
    assertEquals(1, catalog.nextId());
    assertEquals(1, catalog.nextVersion("a"));
    assertEquals(List.of(), catalog.subjects());
    assertEquals(Optional.empty(), catalog.versions("a"));
  }

  @Test
  void indexesVersionsBySubjectAndSchemasById() {
    catalog.apply(new SchemaLogRecord("a", 1, 1, V1.toString(), false));
    catalog.apply(new SchemaLogRecord("a", 2, 2, V2.toString(), false));
    catalog.apply(new SchemaLogRecord("b", 1, 1, V1.toString(), false));
    assertEquals(List.of("a", "b"), catalog.subjects());
    assertEquals(Optional.of(List.of(1, 2)), catalog.versions("a"));
    assertEquals(2, catalog.latest("a").orElseThrow().id());
    assertEquals(V2, catalog.schema(2).orElseThrow());
    assertEquals(Optional.of(1), catalog.idOf(V1.toString()));
    assertEquals(1, catalog.find("b", V1.toString()).orElseThrow().version());
    assertEquals(Optional.empty(), catalog.find("b", V2.toString()));
    assertEquals(3, catalog.nextId());
    assertEquals(3, catalog.nextVersion("a"));
  }

  @Test
  void applyIsIdempotent() {
    SchemaLogRecord record = new SchemaLogRecord("a", 1, 1, V1.toString(), false);
    catalog.apply(record);
    catalog.apply(record);
    assertEquals(Optional.of(List.of(1)), catalog.versions("a"));
    assertEquals(2, catalog.nextId());
  }

  @Test
  void identityIsTheSchemaTextNotItsLayout() {
    String spaced = "{ \"type\": \"record\",\n  \"name\": \"Chart\",\n  \"fields\": [ {\"name\": \"id\", \"type\": \"string\"} ] }";
    catalog.apply(new SchemaLogRecord("a", 1, 1, spaced, false));
    assertEquals(Optional.of(1), catalog.idOf(V1.toString()));
    Schema documented = SchemaBuilder.record("Chart").doc("a chart").fields().requiredString("id").endRecord();
    assertEquals(Optional.empty(), catalog.idOf(documented.toString()), "docs are part of a schema's identity");
  }

  @Test
  void deletedVersionsAreGoneButTheirNumbersAreNotReused() {
    catalog.apply(new SchemaLogRecord("a", 1, 1, V1.toString(), false));
    catalog.apply(new SchemaLogRecord("a", 1, 1, V1.toString(), true));
    assertFalse(catalog.hasSubject("a"));
    assertEquals(2, catalog.nextVersion("a"));
    assertEquals(2, catalog.nextId());
    assertTrue(catalog.schema(1).isPresent(), "a deleted version's schema still decodes old records");
  }

  @Test
  void anUnparsableSchemaStillTakesItsId() {
    catalog.apply(new SchemaLogRecord("a", 1, 4, "{not avro", false));
    assertEquals(5, catalog.nextId());
    assertEquals(Optional.empty(), catalog.schema(4));
  }
}
