package io.chartstream.schema.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.S57Feature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded registry on a real broker: persistence in its topic, restarts, and the REST API
 * as Confluent's clients call it (raw HTTP here, so the test sees exact statuses and bodies).
 */
class EmbeddedSchemaRegistryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Schema UNION = Schema.createUnion(ChartStart.SCHEMA$, S57Feature.SCHEMA$, ChartEnd.SCHEMA$);

  @TempDir static Path workDir;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(workDir);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Schema record(String name) {
    return SchemaBuilder.record(name).namespace("test").fields().requiredString("id").endRecord();
  }

  private static EmbeddedSchemaRegistry startOn(String topic) {
    return EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", broker.bootstrapServers()), 0, topic);
  }

  @Test
  void idsStartAtOneAndSurviveARestart() {
    String topic = "schemas-" + UUID.randomUUID();
    int unionId;
    int otherId;
    try (EmbeddedSchemaRegistry registry = startOn(topic);
         SchemaRegistryClient client = RestSchemaRegistryClient.fromUrl(registry.url())) {
      unionId = client.register("s57.features-value", UNION);
      otherId = client.register("charts.catalog-value", record("A"));
      assertEquals(1, unionId);
      assertEquals(2, otherId);
    }
    try (EmbeddedSchemaRegistry registry = startOn(topic);
         SchemaRegistryClient client = RestSchemaRegistryClient.fromUrl(registry.url())) {
      assertEquals(UNION, client.schemaById(unionId));
      assertEquals(unionId, client.register("s57.features-value", UNION));
      assertEquals(otherId, client.register("charts.catalog-value", record("A")));
      assertEquals(otherId, client.latest("charts.catalog-value").orElseThrow().id());
      assertEquals(3, client.register("charts.catalog-value", evolved("A")), "new ids continue after the old ones");
    }
  }

  @Test
  void defaultTopicIsCompactedWithOnePartition() throws Exception {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
         Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      assertEquals("_schemas", registry.topic());
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertEquals("compact", config.get("cleanup.policy").value());
      TopicDescription description = admin.describeTopics(List.of("_schemas")).allTopicNames().get().get("_schemas");
      assertEquals(1, description.partitions().size());
    }
  }

  @Test
  void registrationsAreKeyedLikeConfluents() throws Exception {
    String topic = "schemas-" + UUID.randomUUID();
    int id;
    try (EmbeddedSchemaRegistry registry = startOn(topic);
         SchemaRegistryClient client = RestSchemaRegistryClient.fromUrl(registry.url())) {
      id = client.register("Île d'Oléron 東京-value", record("B"));
    }
    List<ConsumerRecord<String, String>> records = readAll(topic);
    assertEquals(1, records.size());
    assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"Île d'Oléron 東京-value\",\"version\":1,\"magic\":1}",
        records.getFirst().key());
    JsonNode value = JSON.readTree(records.getFirst().value());
    assertEquals("Île d'Oléron 東京-value", value.get("subject").asText());
    assertEquals(1, value.get("version").asInt());
    assertEquals(id, value.get("id").asInt());
    assertEquals(record("B"), new Schema.Parser().parse(value.get("schema").asText()));
    assertEquals(false, value.get("deleted").asBoolean());
  }

  @Test
  void listensOnLoopbackOnly() {
    try (EmbeddedSchemaRegistry registry = startOn("schemas-" + UUID.randomUUID())) {
      assertEquals("http://127.0.0.1:" + registry.port(), registry.url());
    }
  }

  @Test
  void servesWhatConfluentsClientsCall() throws Exception {
    try (EmbeddedSchemaRegistry registry = startOn("schemas-" + UUID.randomUUID())) {
      String url = registry.url();
      String body = JSON.createObjectNode().put("schema", UNION.toString()).toString();
      HttpResponse<String> registered = call(url, "POST", "/subjects/s57.features-value/versions", body);
      assertEquals(200, registered.statusCode());
      assertEquals("application/vnd.schemaregistry.v1+json", registered.headers().firstValue("Content-Type").orElseThrow());
      int id = JSON.readTree(registered.body()).get("id").asInt();

      JsonNode byId = json(call(url, "GET", "/schemas/ids/" + id, null), 200);
      assertEquals(UNION, new Schema.Parser().parse(byId.get("schema").asText()));

      JsonNode found = json(call(url, "POST", "/subjects/s57.features-value", body), 200);
      assertEquals(id, found.get("id").asInt());
      assertEquals(1, found.get("version").asInt());
      assertEquals("s57.features-value", found.get("subject").asText());

      assertEquals("[1]", call(url, "GET", "/subjects/s57.features-value/versions", null).body());
      for (String version : List.of("1", "latest", "-1")) {
        JsonNode v = json(call(url, "GET", "/subjects/s57.features-value/versions/" + version, null), 200);
        assertEquals(id, v.get("id").asInt());
        assertEquals(UNION, new Schema.Parser().parse(v.get("schema").asText()));
      }
      assertEquals(UNION, new Schema.Parser().parse(call(url, "GET", "/subjects/s57.features-value/versions/1/schema", null).body()));
      assertEquals("[\"s57.features-value\"]", call(url, "GET", "/subjects", null).body());
      assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", call(url, "GET", "/config", null).body());
      assertEquals("[\"AVRO\"]", call(url, "GET", "/schemas/types", null).body());
    }
  }

  @Test
  void answersErrorsWithConfluentsStatusesAndCodes() throws Exception {
    try (EmbeddedSchemaRegistry registry = startOn("schemas-" + UUID.randomUUID())) {
      String url = registry.url();
      String a = JSON.createObjectNode().put("schema", record("C").toString()).toString();
      String other = JSON.createObjectNode().put("schema", record("D").toString()).toString();
      assertEquals(200, call(url, "POST", "/subjects/c-value/versions", a).statusCode());

      assertError(call(url, "GET", "/schemas/ids/999", null), 404, 40403);
      assertError(call(url, "GET", "/subjects/nope/versions", null), 404, 40401);
      assertError(call(url, "GET", "/subjects/nope/versions/latest", null), 404, 40401);
      assertError(call(url, "GET", "/subjects/c-value/versions/2", null), 404, 40402);
      assertError(call(url, "GET", "/subjects/c-value/versions/zero", null), 422, 42202);
      assertError(call(url, "POST", "/subjects/nope", a), 404, 40401);
      assertError(call(url, "POST", "/subjects/c-value", other), 404, 40403);
      assertError(call(url, "POST", "/subjects/c-value/versions", "{\"schema\":\"{not avro\"}"), 422, 42201);
      assertError(call(url, "POST", "/subjects/c-value/versions",
          "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"), 422, 42201);
      assertError(call(url, "GET", "/no/such/path", null), 404, 404);
      assertError(call(url, "DELETE", "/subjects/c-value", null), 405, 405);
      // A new record type under the same subject breaks BACKWARD compatibility.
      assertError(call(url, "POST", "/subjects/c-value/versions", other), 409, 409);
    }
  }

  @Test
  void acceptsBackwardCompatibleEvolution() {
    try (EmbeddedSchemaRegistry registry = startOn("schemas-" + UUID.randomUUID());
         SchemaRegistryClient client = RestSchemaRegistryClient.fromUrl(registry.url())) {
      int v1 = client.register("e-value", record("E"));
      int v2 = client.register("e-value", evolved("E"));
      assertTrue(v2 > v1);
      RegisteredSchema latest = client.latest("e-value").orElseThrow();
      assertEquals(new RegisteredSchema("e-value", 2, v2, evolved("E")), latest);
      // A field without a default cannot be read from the records of the latest version.
      Schema required = SchemaBuilder.record("E").namespace("test").fields()
          .requiredString("id").requiredInt("scale").requiredInt("band").endRecord();
      SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.register("e-value", required));
      assertEquals(409, e.status());
    }
  }

  /** {@code record(name)} with a field added with a default: BACKWARD compatible. */
  private static Schema evolved(String name) {
    return SchemaBuilder.record(name).namespace("test").fields()
        .requiredString("id").name("scale").type().intType().intDefault(0).endRecord();
  }

  private static void assertError(HttpResponse<String> response, int status, int errorCode) throws IOException {
    JsonNode error = json(response, status);
    assertEquals(errorCode, error.get("error_code").asInt(), response.body());
    assertTrue(error.get("message").isTextual(), response.body());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> call(String url, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", broker.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
