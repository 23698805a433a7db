package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.InMemorySchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireSerdes;
import io.chartstream.topology.errors.DeadLetters;
import io.chartstream.topology.errors.TopologyErrorHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison and oversize records never stop a stage: a record that cannot be decoded, one whose
 * processing throws, and a tile too large for its topic each become one dead letter naming the
 * record's topic, partition and offset (or the RCL) and the reason, and the records after them are
 * processed as if nothing had happened.
 */
class PoisonRecordsTest {
  static final double LON = ChartTopologyTest.LON;
  static final double LAT = ChartTopologyTest.LAT;

  @TempDir Path stateDir;
  final List<IngestError> handled = new CopyOnWriteArrayList<>();
  final DeadLetters deadLetters = (key, error) -> handled.add(error);
  TopologyTestDriver driver;

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void anUndecodableRecordIsOneDeadLetterAndTheNextChartIsProduced() {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    driver = new TopologyTestDriver(ChartTopology.build(TopologyConfig.defaults(), registry), props());
    var keys = AvroWireSerdes.<String>of(registry, TopicSchemas.STRING_KEY, true);
    TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.S57_FEATURES, Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer());
    TestInputTopic<String, Object> features = driver.createInputTopic(Topics.S57_FEATURES, keys.serializer(),
        AvroWireSerdes.<Object>of(registry, TopicSchemas.CHART_EVENT, false).serializer());
    TestInputTopic<String, ChartCatalogEntry> catalog = driver.createInputTopic(Topics.CHARTS_CATALOG, keys.serializer(),
        AvroWireSerdes.<ChartCatalogEntry>of(registry, TopicSchemas.CATALOG_ENTRY, false).serializer());
    TestOutputTopic<Long, RclTile> tiles = driver.createOutputTopic(Topics.RCL_TILES,
        AvroWireSerdes.<Long>of(registry, TopicSchemas.RCL_KEY, true).deserializer(),
        AvroWireSerdes.<RclTile>of(registry, TopicSchemas.RCL_TILE, false).deserializer());

    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    catalog.pipeInput("US5AAAAA", a.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    raw.pipeInput("not avro".getBytes(StandardCharsets.UTF_8), "poison: not in the wire format".getBytes(StandardCharsets.UTF_8));
    a.records().forEach(r -> features.pipeInput("US5AAAAA", r));
    driver.advanceWallClockTime(Duration.ofSeconds(2));

    assertEquals(1, handled.size(), handled.toString());
    IngestError error = handled.getFirst();
    assertEquals("undecodable_record", error.getCode());
    assertEquals(Topics.S57_FEATURES + "-0@0", error.getFile());
    assertTrue(error.getReason().contains("offset 0 of s57.features partition 0"), error.getReason());
    assertEquals("poison: not in the wire format".substring(0, 30), new String(bytes(error), StandardCharsets.UTF_8));
    assertEquals(1, tiles.readValuesToList().size(), "the chart after the poison record is produced");
  }

  @Test
  void aGeometryNestedWithoutEndIsOneDeadLetterNotAStackOverflowThatKillsTheStage() {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    driver = new TopologyTestDriver(ChartTopology.build(TopologyConfig.defaults(), registry), props());
    var keys = AvroWireSerdes.<String>of(registry, TopicSchemas.STRING_KEY, true);
    TestInputTopic<String, Object> features = driver.createInputTopic(Topics.S57_FEATURES, keys.serializer(),
        AvroWireSerdes.<Object>of(registry, TopicSchemas.CHART_EVENT, false).serializer());
    TestOutputTopic<Long, RclTile> tiles = driver.createOutputTopic(Topics.RCL_TILES,
        AvroWireSerdes.<Long>of(registry, TopicSchemas.RCL_KEY, true).deserializer(),
        AvroWireSerdes.<RclTile>of(registry, TopicSchemas.RCL_TILE, false).deserializer());
    TestOutputTopic<String, IngestError> errors = driver.createOutputTopic(Topics.TOPOLOGY_ERRORS, keys.deserializer(),
        AvroWireSerdes.<IngestError>of(registry, TopicSchemas.INGEST_ERROR, false).deserializer());
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0)
        .feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("LNDARE", ChartFixture.square(LON, LAT, 0.002));
    List<Object> records = new java.util.ArrayList<>(a.records());
    io.chartstream.schema.avro.S57Feature poison = (io.chartstream.schema.avro.S57Feature) records.get(2);
    poison.setGeometry(java.nio.ByteBuffer.wrap(nestedCollections(100_000)));
    records.forEach(r -> features.pipeInput("US5AAAAA", r));
    driver.advanceWallClockTime(Duration.ofSeconds(2));
    List<IngestError> dead = errors.readValuesToList();
    assertEquals(List.of("unreadable_geometry"), dead.stream().map(IngestError::getCode).toList(), dead.toString());
    assertTrue(dead.getFirst().getReason().contains("StackOverflowError"), dead.getFirst().getReason());
    List<RclTile> out = tiles.readValuesToList();
    assertEquals(1, out.size());
    assertEquals(1, out.getFirst().getFeatures().size(), "the other feature is placed");
    assertTrue(handled.isEmpty(), handled.toString());
  }

  /** WKB of a point inside {@code depth} geometry collections of one geometry each. */
  private static byte[] nestedCollections(int depth) {
    java.nio.ByteBuffer wkb = java.nio.ByteBuffer.allocate(depth * 9 + 21).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < depth; i++) {
      wkb.put((byte) 1).putInt(7).putInt(1);
    }
    wkb.put((byte) 1).putInt(1).putDouble(LON).putDouble(LAT);
    return wkb.array();
  }

  @Test
  void aRecordWhoseProcessingThrowsIsOneDeadLetterAndTheNextIsProcessed() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new Processor<String, String, String, String>() {
          private ProcessorContext<String, String> context;

          @Override
          public void init(ProcessorContext<String, String> context) {
            this.context = context;
          }

          @Override
          public void process(Record<String, String> record) {
            if (record.value().equals("bad")) {
              throw new IllegalStateException("a bug met this record");
            }
            context.forward(record);
          }
        })
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    driver = new TopologyTestDriver(builder.build(), props());
    TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
    TestOutputTopic<String, String> out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
    in.pipeInput("k", "good");
    in.pipeInput("k", "bad");
    in.pipeInput("k", "after");
    assertEquals(List.of("good", "after"), out.readValuesToList());
    assertEquals(1, handled.size());
    assertEquals("processing_failed", handled.getFirst().getCode());
    assertEquals("in-0@1", handled.getFirst().getFile());
    assertTrue(handled.getFirst().getReason().contains("a bug met this record"), handled.getFirst().getReason());
  }

  @Test
  void aTileOverTheRecordLimitIsOneDeadLetterNamingItsRclAndNothingElseStops() {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    driver = new TopologyTestDriver(ChartTopology.build(TopologyConfig.defaults().withBuffer(0).withMaxRecordBytes(4000), registry), props());
    var keys = AvroWireSerdes.<String>of(registry, TopicSchemas.STRING_KEY, true);
    TestInputTopic<String, Object> features = driver.createInputTopic(Topics.S57_FEATURES, keys.serializer(),
        AvroWireSerdes.<Object>of(registry, TopicSchemas.CHART_EVENT, false).serializer());
    TestOutputTopic<Long, RclTile> tiles = driver.createOutputTopic(Topics.RCL_TILES,
        AvroWireSerdes.<Long>of(registry, TopicSchemas.RCL_KEY, true).deserializer(),
        AvroWireSerdes.<RclTile>of(registry, TopicSchemas.RCL_TILE, false).deserializer());
    TestOutputTopic<String, IngestError> errors = driver.createOutputTopic(Topics.TOPOLOGY_ERRORS, keys.deserializer(),
        AvroWireSerdes.<IngestError>of(registry, TopicSchemas.INGEST_ERROR, false).deserializer());

    // Many small pieces in one tile (each well under the limit, together far over it), one in the next tile east.
    ChartFixture dense = new ChartFixture("US5DENSE", 1, 0);
    for (int i = 0; i < 60; i++) {
      dense.feature("OBSTRN", "POINT (" + (LON + i * 1e-5) + " " + LAT + ")");
    }
    dense.feature("OBSTRN", "POINT (" + (LON + 0.1) + " " + LAT + ")");
    dense.records().forEach(r -> features.pipeInput("US5DENSE", r));
    driver.advanceWallClockTime(Duration.ofSeconds(2));

    List<IngestError> dead = errors.readValuesToList();
    assertEquals(List.of("record_too_large"), dead.stream().map(IngestError::getCode).toList(), dead.toString());
    String rcl = "RCL " + ChartTopologyTest.home(LON, LAT);
    assertEquals(rcl, dead.getFirst().getFile());
    assertTrue(dead.getFirst().getReason().contains("US5DENSE") && dead.getFirst().getReason().contains("4,000"), dead.getFirst().getReason());
    List<RclTile> out = tiles.readValuesToList();
    assertEquals(List.of(ChartTopologyTest.home(LON + 0.1, LAT).encoded()), out.stream().map(RclTile::getRcl).toList(),
        "the other tile is emitted");
    assertTrue(handled.isEmpty(), "nothing reached the producer to fail there: " + handled);
  }

  private Properties props() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "chartstream-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    TopologyErrorHandlers.install(props, deadLetters);
    return props;
  }

  private static byte[] bytes(IngestError error) {
    assertTrue(error.getFirstBytes() != null, "first bytes of the record");
    byte[] b = new byte[error.getFirstBytes().remaining()];
    error.getFirstBytes().duplicate().get(b);
    return b;
  }
}
