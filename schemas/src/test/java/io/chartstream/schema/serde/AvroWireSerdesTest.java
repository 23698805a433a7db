package io.chartstream.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The serdes with the embedded registry over HTTP, on a real broker. */
class AvroWireSerdesTest {
  private static final Schema STRING = Schema.create(Schema.Type.STRING);

  @TempDir static Path workDir;
  private static EmbeddedKafkaBroker broker;
  private static EmbeddedSchemaRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void start() {
    broker = EmbeddedKafkaBroker.start(workDir);
    registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
    client = RestSchemaRegistryClient.fromUrl(registry.url());
  }

  @AfterAll
  static void stop() {
    client.close();
    registry.close();
    broker.close();
  }

  static Stream<SpecificRecord> records() {
    return Stream.of(Samples.catalogEntry(), Samples.chartStart(), Samples.feature(), Samples.chartEnd(),
        Samples.ingestError());
  }

  @ParameterizedTest
  @MethodSource("records")
  void eachRecordTypeRoundTrips(SpecificRecord record) {
    String topic = "round-trip." + record.getSchema().getName();
    byte[] payload = new AvroWireSerializer<SpecificRecord>(client, record.getSchema(), false).serialize(topic, record);
    assertEquals(client.latest(topic + "-value").orElseThrow().id(), headerId(payload));
    assertEquals(record, new AvroWireDeserializer<SpecificRecord>(client, record.getSchema()).deserialize(topic, payload));
  }

  @Test
  void eachBranchOfTheFeaturesUnionRoundTrips() {
    try (Serde<SpecificRecord> serde = AvroWireSerdes.of(client, Samples.FEATURES, false)) {
      int id = -1;
      for (SpecificRecord record : List.of(Samples.chartStart(), Samples.feature(), Samples.chartEnd())) {
        byte[] payload = serde.serializer().serialize("union.features", record);
        id = headerId(payload);
        SpecificRecord read = serde.deserializer().deserialize("union.features", payload);
        assertEquals(record.getClass(), read.getClass());
        assertEquals(record, read);
      }
      assertEquals(client.latest("union.features-value").orElseThrow().id(), id);
      assertEquals(Samples.FEATURES, client.latest("union.features-value").orElseThrow().schema());
    }
  }

  @Test
  void attributesKeepEveryUnionBranchAndNonAsciiText() {
    try (Serde<SpecificRecord> serde = AvroWireSerdes.of(client, Samples.FEATURES, false)) {
      S57Feature read = (S57Feature) serde.deserializer().deserialize("union.attributes",
          serde.serializer().serialize("union.attributes", Samples.feature()));
      Map<String, Object> attributes = read.getAttributes();
      assertEquals(Samples.feature().getAttributes(), attributes);
      assertEquals(Samples.NON_ASCII, attributes.get("NOBJNM"));
      assertSame(String.class, attributes.get("NOBJNM").getClass());
      assertSame(Long.class, attributes.get("CATLIT").getClass());
      assertSame(Double.class, attributes.get("DRVAL1").getClass());
      assertTrue(attributes.containsKey("SCAMIN"));
      assertNull(attributes.get("SCAMIN"));
      attributes.keySet().forEach(key -> assertSame(String.class, key.getClass()));
    }
  }

  @Test
  void stringKeysReadAsJavaStrings() {
    try (Serde<String> keys = AvroWireSerdes.of(client, STRING, true)) {
      byte[] payload = keys.serializer().serialize("keys", Samples.NON_ASCII);
      assertEquals(client.latest("keys-key").orElseThrow().id(), headerId(payload));
      Object read = keys.deserializer().deserialize("keys", payload);
      assertSame(String.class, read.getClass());
      assertEquals(Samples.NON_ASCII, read);
    }
  }

  @Test
  void nullsAreTombstones() {
    try (Serde<SpecificRecord> serde = AvroWireSerdes.of(client, ChartCatalogEntry.SCHEMA$, false)) {
      assertNull(serde.serializer().serialize("charts.catalog", null));
      assertNull(serde.deserializer().deserialize("charts.catalog", null));
    }
  }

  @Test
  void oldRecordsReadWithANewerReaderSchema() {
    Schema v1 = SchemaBuilder.record("Evolving").namespace("test").fields().requiredString("id").endRecord();
    Schema v2 = SchemaBuilder.record("Evolving").namespace("test").fields()
        .requiredString("id").name("scale").type().intType().intDefault(22000).endRecord();
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "FR501234");
    byte[] payload = new AvroWireSerializer<GenericRecord>(client, v1, false).serialize("evolving", old);

    GenericRecord read = new AvroWireDeserializer<GenericRecord>(client, v2).deserialize("evolving", payload);
    assertEquals("FR501234", read.get("id"));
    assertEquals(22000, read.get("scale"));
  }

  @Test
  void aWriterSchemaTheReaderCannotReadIsNamed() {
    byte[] payload = new AvroWireSerializer<SpecificRecord>(client, ChartEnd.SCHEMA$, false)
        .serialize("mismatch", Samples.chartEnd());
    var deserializer = new AvroWireDeserializer<SpecificRecord>(client, IngestError.SCHEMA$);
    SerializationException e = assertThrows(SerializationException.class, () -> deserializer.deserialize("mismatch", payload));
    assertTrue(e.getMessage().contains("(io.chartstream.schema.avro.ChartEnd) cannot be read as io.chartstream.schema.avro.IngestError"),
        e.getMessage());
  }

  @Test
  void anUnknownSchemaIdIsASerializationException() {
    byte[] payload = ByteBuffer.allocate(6).put((byte) 0).putInt(99_999).put((byte) 0).array();
    var deserializer = new AvroWireDeserializer<String>(client, STRING);
    SerializationException e = assertThrows(SerializationException.class, () -> deserializer.deserialize("t", payload));
    assertTrue(e.getMessage().contains("writer schema of id 99999"), e.getMessage());
  }

  @Test
  void kafkaCanConfigureThemFromTheRegistryUrl() {
    Map<String, Object> config = Map.of(AvroWireSerdes.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
    try (var serializer = new AvroWireSerializer<SpecificRecord>(ChartEnd.SCHEMA$);
         var deserializer = new AvroWireDeserializer<SpecificRecord>(ChartEnd.SCHEMA$)) {
      serializer.configure(config, false);
      deserializer.configure(config, false);
      byte[] payload = serializer.serialize("configured", Samples.chartEnd());
      assertEquals(client.latest("configured-value").orElseThrow().id(), headerId(payload));
      assertEquals(Samples.chartEnd(), deserializer.deserialize("configured", payload));
    }
    var unconfigured = new AvroWireSerializer<SpecificRecord>(ChartEnd.SCHEMA$);
    assertThrows(ConfigException.class, () -> unconfigured.configure(Map.of(), false));
    assertThrows(IllegalStateException.class, () -> unconfigured.serialize("t", Samples.chartEnd()));
  }

  @Test
  void aChartVersionTravelsThroughKafkaInOrder() throws Exception {
    String topic = "s57.features";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    List<SpecificRecord> sent = List.of(Samples.chartStart(), Samples.feature(), Samples.chartEnd());
    try (Serde<String> keys = AvroWireSerdes.of(client, STRING, true);
         Serde<SpecificRecord> values = AvroWireSerdes.of(client, Samples.FEATURES, false)) {
      try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
          keys.serializer(), values.serializer())) {
        for (SpecificRecord record : sent) {
          producer.send(new ProducerRecord<>(topic, "FR501234", record)).get();
        }
      }
      List<ConsumerRecord<String, SpecificRecord>> received = new ArrayList<>();
      try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
          keys.deserializer(), values.deserializer())) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < sent.size() && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
      }
      assertEquals(sent, received.stream().map(ConsumerRecord::value).toList());
      received.forEach(r -> assertEquals("FR501234", r.key()));
    }
  }

  @Test
  void pythonAvroDecodesWhatWeWrite() throws Exception {
    assumeTrue(PythonAvroOracle.available(), "Debian's python3-avro is not installed");
    try (Serde<SpecificRecord> serde = AvroWireSerdes.of(client, Samples.FEATURES, false)) {
      byte[] payload = serde.serializer().serialize("oracle.features", Samples.feature());
      JsonNode decoded = PythonAvroOracle.decode(registry.url(), payload);

      assertEquals(client.latest("oracle.features-value").orElseThrow().id(), decoded.get("id").asInt());
      JsonNode feature = decoded.get("datum");
      assertEquals("FR501234", feature.get("chartId").asText());
      assertEquals(123456789012L, feature.get("rcid").asLong());
      assertEquals("0103000000ff", feature.get("geometry").asText());
      JsonNode attributes = feature.get("attributes");
      assertEquals(Samples.NON_ASCII, attributes.get("NOBJNM").asText());
      assertEquals(5.5, attributes.get("DRVAL1").asDouble());
      assertEquals(4, attributes.get("CATLIT").asLong());
      assertEquals("[3,1]", attributes.get("COLOUR").get("values").toString());
      assertEquals("[2.5,-0.0,1.7976931348623157E308]", attributes.get("SIGPER").get("values").toString());
      assertEquals("[\"" + Samples.NON_ASCII + "\",\"\",\"plain\"]", attributes.get("NINFOM").get("values").toString());
      assertTrue(attributes.get("SCAMIN").isNull());
    }
  }

  /** The schema id of a payload, decoded by hand from the 5-byte header. */
  private static int headerId(byte[] payload) {
    assertTrue(payload.length > 5);
    assertEquals(0, payload[0], "magic byte");
    return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
  }
}
