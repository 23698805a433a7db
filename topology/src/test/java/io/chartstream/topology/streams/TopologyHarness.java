package io.chartstream.topology.streams;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.InMemorySchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireSerdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole topology in a {@code TopologyTestDriver} with its topics in the wire format: what a
 * test of the topology's records needs, set up once.
 */
final class TopologyHarness implements AutoCloseable {
  final TopologyTestDriver driver;
  final TestInputTopic<String, Object> features;
  final TestInputTopic<String, ChartCatalogEntry> catalog;
  final TestOutputTopic<Long, RclTile> tiles;
  final TestOutputTopic<String, IngestError> errors;

  /** {@code extra} adds to the streams properties (exception handlers, say). */
  TopologyHarness(TopologyConfig config, Path stateDir, Consumer<Properties> extra) {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    driver = new TopologyTestDriver(ChartTopology.build(config, registry), properties(stateDir, extra));
    var keys = AvroWireSerdes.<String>of(registry, TopicSchemas.STRING_KEY, true);
    features = driver.createInputTopic(Topics.S57_FEATURES, keys.serializer(),
        AvroWireSerdes.<Object>of(registry, TopicSchemas.CHART_EVENT, false).serializer());
    catalog = driver.createInputTopic(Topics.CHARTS_CATALOG, keys.serializer(),
        AvroWireSerdes.<ChartCatalogEntry>of(registry, TopicSchemas.CATALOG_ENTRY, false).serializer());
    tiles = driver.createOutputTopic(Topics.RCL_TILES, AvroWireSerdes.<Long>of(registry, TopicSchemas.RCL_KEY, true).deserializer(),
        AvroWireSerdes.<RclTile>of(registry, TopicSchemas.RCL_TILE, false).deserializer());
    errors = driver.createOutputTopic(Topics.TOPOLOGY_ERRORS, keys.deserializer(),
        AvroWireSerdes.<IngestError>of(registry, TopicSchemas.INGEST_ERROR, false).deserializer());
  }

  /** Streams properties for a driver with its own state dir (the default one is shared by every checkout). */
  static Properties properties(Path stateDir, Consumer<Properties> extra) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "chartstream-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    extra.accept(props);
    return props;
  }

  /** Sends a chart version as the connector does, then lets the emission pass run. */
  void send(ChartFixture chart) {
    send(chart, chart.records());
  }

  /** Sends {@code records} of {@code chart} (perhaps altered), then lets the emission pass run. */
  void send(ChartFixture chart, List<Object> records) {
    String id = ((io.chartstream.schema.avro.ChartStart) chart.records().getFirst()).getChartId();
    records.forEach(r -> features.pipeInput(id, r));
    driver.advanceWallClockTime(Duration.ofSeconds(2));
  }

  /** The tiles emitted since the last call, after an emission pass. */
  List<RclTile> emitted() {
    driver.advanceWallClockTime(Duration.ofSeconds(2));
    return tiles.readValuesToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
