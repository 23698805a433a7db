package io.chartstream.topology.streams;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartContents;
import io.chartstream.ingest.s57.ChartVersionHeaders;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.registry.InMemorySchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireSerdes;
import io.chartstream.topology.S57ChartProfile;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.s52.BuiltInPresentation;
import io.chartstream.topology.s52.MarinerSettings;
import io.chartstream.topology.s52.TableChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Real cells turned into finished RCL tiles the way production does it, without a broker: each
 * cell read through GDAL ({@link ChartReader}), its records built as the connector builds them
 * (refined catalogue entry, {@code ChartStart}, features, {@code ChartEnd}; see the connector's
 * {@code ChartVersionRecords}), piped through {@link ChartTopology} with the presentation stages
 * (triangles, display points, S-52 styles from {@code config/s52}) in a
 * {@link TopologyTestDriver}. Test support only.
 */
public final class ChartTiles {
  private ChartTiles() {}

  /** Every cell under {@code root} (an exchange set or a folder of cells). */
  public static List<ChartContents> read(Path root) throws Exception {
    List<ChartContents> charts = new ArrayList<>();
    for (CellFiles cell : new InputScanner(root, 0).scan().cells()) {
      charts.add(ChartReader.read(cell));
    }
    return charts;
  }

  /** The last emission of every RCL the charts reach, by encoded RCL, with the presentation stages. */
  public static Map<Long, RclTile> tiles(List<ChartContents> charts) throws Exception {
    var presentation = BuiltInPresentation.load(Path.of("..", "config", "s52"));
    return run(charts, TopologyConfig.defaults().withStages(S57ChartProfile.presentation(RclGrid.worldMercator(),
        presentation, MarinerSettings.defaults(), TableChoice.defaults()))).tiles();
  }

  /** What the topology made of some charts: the last emission of every RCL, and what it reported. */
  public record Output(Map<Long, RclTile> tiles, List<IngestError> errors) {}

  /**
   * The charts through the topology under {@code config}, its stores on the heap: the test driver
   * flushes every store after every record, which RocksDB turns into a file each time.
   */
  public static Output run(List<ChartContents> charts, TopologyConfig config) throws Exception {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "chartstream-render-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    // A state dir of its own: the default one under /tmp is shared by every checkout on the machine.
    Path stateDir = Files.createTempDirectory("chartstream-render-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(
        ChartTopology.build(config.withStores(TopologyConfig.StoreKind.IN_MEMORY), registry), props)) {
      var keys = AvroWireSerdes.<String>of(registry, TopicSchemas.STRING_KEY, true);
      TestInputTopic<String, Object> features = driver.createInputTopic(Topics.S57_FEATURES, keys.serializer(),
          AvroWireSerdes.<Object>of(registry, TopicSchemas.CHART_EVENT, false).serializer());
      TestInputTopic<String, ChartCatalogEntry> catalog = driver.createInputTopic(Topics.CHARTS_CATALOG, keys.serializer(),
          AvroWireSerdes.<ChartCatalogEntry>of(registry, TopicSchemas.CATALOG_ENTRY, false).serializer());
      TestOutputTopic<Long, RclTile> tiles = driver.createOutputTopic(Topics.RCL_TILES,
          AvroWireSerdes.<Long>of(registry, TopicSchemas.RCL_KEY, true).deserializer(),
          AvroWireSerdes.<RclTile>of(registry, TopicSchemas.RCL_TILE, false).deserializer());
      TestOutputTopic<String, IngestError> errors = driver.createOutputTopic(Topics.TOPOLOGY_ERRORS, keys.deserializer(),
          AvroWireSerdes.<IngestError>of(registry, TopicSchemas.INGEST_ERROR, false).deserializer());
      // Every catalogue entry first, as an exchange set announces its cells before any is read.
      for (ChartContents chart : charts) {
        catalog.pipeInput(chart.files().chartId(), ChartVersionHeaders.catalogEntry(chart, null));
      }
      for (ChartContents chart : charts) {
        String chartId = chart.files().chartId();
        features.pipeInput(chartId, ChartVersionHeaders.start(chart));
        for (S57Feature feature : chart.features()) {
          features.pipeInput(chartId, feature);
        }
        features.pipeInput(chartId, end(chart));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
      }
      driver.advanceWallClockTime(Duration.ofSeconds(2));
      Map<Long, RclTile> byRcl = new LinkedHashMap<>();
      tiles.readValuesToList().forEach(tile -> byRcl.put(tile.getRcl(), tile));
      return new Output(byRcl, errors.readValuesToList());
    }
  }



  private static ChartEnd end(ChartContents chart) {
    // The topology does not check the content hash; the count is what tells it the chart is whole.
    return ChartEnd.newBuilder()
        .setChartId(chart.files().chartId())
        .setVersion(chart.dsid().version())
        .setFeatureCount(chart.features().size())
        .setContentHash("")
        .build();
  }
}
