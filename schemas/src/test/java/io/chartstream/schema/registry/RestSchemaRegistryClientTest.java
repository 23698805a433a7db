package io.chartstream.schema.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.S57Feature;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST client over real HTTP, against the embedded registry on a real broker. */
class RestSchemaRegistryClientTest {
  @TempDir static Path workDir;
  private static EmbeddedKafkaBroker broker;

  private EmbeddedSchemaRegistry registry;
  private RestSchemaRegistryClient client;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(workDir);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void startRegistry() {
    // A topic per test: each test sees a registry of its own.
    registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", broker.bootstrapServers()), 0,
        "schemas-" + UUID.randomUUID());
    client = new RestSchemaRegistryClient(registry.url() + "/");
  }

  @AfterEach
  void stopRegistry() {
    client.close();
    registry.close();
  }

  @Test
  void registerIsIdempotent() {
    int id = client.register("charts.catalog-value", ChartCatalogEntry.SCHEMA$);
    assertEquals(id, client.register("charts.catalog-value", ChartCatalogEntry.SCHEMA$));
    try (SchemaRegistryClient fresh = RestSchemaRegistryClient.fromUrl(registry.url())) {
      assertEquals(id, fresh.register("charts.catalog-value", ChartCatalogEntry.SCHEMA$), "asked again, not cached");
    }
    assertEquals(1, client.latest("charts.catalog-value").orElseThrow().version());
  }

  @Test
  void idsAreGlobalAcrossSubjects() {
    int a = client.register("a-value", S57Feature.SCHEMA$);
    int b = client.register("b-value", S57Feature.SCHEMA$);
    int c = client.register("c-value", ChartCatalogEntry.SCHEMA$);
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(1, client.latest("b-value").orElseThrow().version());
  }

  @Test
  void listsSubjects() {
    assertEquals(List.of(), client.subjects());
    client.register("s57.features-key", Schema.create(Schema.Type.STRING));
    client.register("s57.features-value", S57Feature.SCHEMA$);
    assertEquals(List.of("s57.features-key", "s57.features-value"), client.subjects());
  }

  @Test
  void latestIsEmptyForAnUnknownSubject() {
    assertEquals(Optional.empty(), client.latest("nope-value"));
  }

  @Test
  void latestIsTheNewestVersion() {
    int id = client.register("f-value", S57Feature.SCHEMA$);
    assertEquals(new RegisteredSchema("f-value", 1, id, S57Feature.SCHEMA$), client.latest("f-value").orElseThrow());
  }

  @Test
  void unknownIdIsA404WithConfluentsCode() {
    SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.schemaById(4242));
    assertEquals(404, e.status());
    assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND, e.errorCode());
    assertTrue(e.getMessage().contains("/schemas/ids/4242"), e.getMessage());
  }

  @Test
  void subjectsWithSpecialCharactersRoundTrip() {
    String subject = "a/b c+d Île d'Oléron 東京-value";
    int id = client.register(subject, S57Feature.SCHEMA$);
    assertEquals(List.of(subject), client.subjects());
    assertEquals(id, client.latest(subject).orElseThrow().id());
  }

  @Test
  void schemasByIdAndRegistrationsAreCachedForGood() {
    int id = client.register("g-value", S57Feature.SCHEMA$);
    try (RestSchemaRegistryClient reader = new RestSchemaRegistryClient(registry.url())) {
      assertEquals(S57Feature.SCHEMA$, reader.schemaById(id));
      registry.close();
      assertEquals(S57Feature.SCHEMA$, reader.schemaById(id), "served from the cache with the registry down");
      assertEquals(id, client.register("g-value", S57Feature.SCHEMA$));
      SchemaRegistryException e = assertThrows(SchemaRegistryException.class, client::subjects);
      assertEquals(SchemaRegistryException.NO_STATUS, e.status());
    }
  }

  @Test
  void anUnreachableRegistryFailsWithoutStatus() {
    try (RestSchemaRegistryClient nowhere = new RestSchemaRegistryClient("http://127.0.0.1:1")) {
      SchemaRegistryException e = assertThrows(SchemaRegistryException.class, nowhere::subjects);
      assertEquals(SchemaRegistryException.NO_STATUS, e.status());
      assertEquals(SchemaRegistryException.NO_ERROR_CODE, e.errorCode());
    }
  }
}
