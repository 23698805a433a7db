package io.chartstream.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.ingest.s57.FeatureComparison;
import io.chartstream.ingest.s57.GdalOracle;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * All shared cells through the ingest connector in a real Connect worker onto the embedded
 * broker, read back from the topics and checked against GDAL's own tools, Confluent's Python
 * client, and the ordering contract of {@code s57.features}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IngestEndToEndTest {
  @TempDir static Path workDir;
  IngestHarness harness;
  AvroWireDeserializer<Object> events;
  List<ConsumerRecord<byte[], byte[]>> featureRecords;
  /** Chart id → its records on s57.features, decoded, in offset order. */
  Map<String, List<Object>> byChart = new TreeMap<>();

  @BeforeAll
  void ingestEverySharedCell() throws Exception {
    harness = new IngestHarness(SharedData.s57(), workDir, kafka(workDir));
    harness.awaitComplete(Duration.ofMinutes(4));
    events = new AvroWireDeserializer<>(harness.registry, TopicSchemas.CHART_EVENT);
    featureRecords = TopicDump.read(harness.bootstrap(), Topics.S57_FEATURES);
    featureRecords.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
    for (var record : featureRecords) {
      Object event = events.deserialize(Topics.S57_FEATURES, record.value());
      byChart.computeIfAbsent(chartId(event), id -> new ArrayList<>()).add(event);
    }
  }

  /** The broker under test. */
  abstract KafkaUnderTest kafka(Path workDir);

  @AfterAll
  void stop() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void everyFeatureOnKafkaEqualsWhatGdalWrites() {
    assertEquals(10, byChart.size(), "charts on s57.features: " + byChart.keySet());
    List<String> differences = new ArrayList<>();
    for (var chart : byChart.entrySet()) {
      ChartStart start = (ChartStart) chart.getValue().getFirst();
      Path base = SharedData.s57().resolve(start.getFile());
      Map<String, List<S57Feature>> byClass = chart.getValue().stream()
          .filter(S57Feature.class::isInstance).map(S57Feature.class::cast)
          .collect(Collectors.groupingBy(S57Feature::getObjectClass, TreeMap::new, Collectors.toList()));
      Map<String, Integer> expected = new TreeMap<>(GdalOracle.featureCounts(base));
      expected.remove("DSID");
      expected.values().removeIf(n -> n == 0);
      Map<String, Integer> actual = new TreeMap<>();
      byClass.forEach((c, list) -> actual.put(c, list.size()));
      assertEquals(expected, actual, chart.getKey() + ": features per object class on s57.features vs ogrinfo");
      for (var objectClass : byClass.entrySet()) {
        List<JsonNode> gdal = GdalOracle.geoJsonSeq(base, objectClass.getKey());
        for (int i = 0; i < gdal.size() && differences.size() < 20; i++) {
          differences.addAll(FeatureComparison.differences(objectClass.getValue().get(i), gdal.get(i)));
        }
      }
    }
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
  }

  @Test
  void eachChartVersionIsContiguousInOnePartitionStartFeaturesEnd() throws Exception {
    Map<String, Set<Integer>> partitions = new LinkedHashMap<>();
    Map<String, List<ConsumerRecord<byte[], byte[]>>> raw = new LinkedHashMap<>();
    for (var record : featureRecords) {
      String chart = chartId(events.deserialize(Topics.S57_FEATURES, record.value()));
      partitions.computeIfAbsent(chart, c -> new java.util.HashSet<>()).add(record.partition());
      raw.computeIfAbsent(chart, c -> new ArrayList<>()).add(record);
    }
    for (var chart : byChart.entrySet()) {
      assertEquals(1, partitions.get(chart.getKey()).size(), chart.getKey() + " spans partitions " + partitions.get(chart.getKey()));
      List<Object> list = chart.getValue();
      assertTrue(list.getFirst() instanceof ChartStart, chart.getKey() + " starts with ChartStart");
      assertTrue(list.getLast() instanceof ChartEnd, chart.getKey() + " ends with ChartEnd");
      ChartEnd end = (ChartEnd) list.getLast();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<ConsumerRecord<byte[], byte[]>> records = raw.get(chart.getKey());
      for (int i = 1; i < list.size() - 1; i++) {
        S57Feature feature = (S57Feature) list.get(i);
        assertEquals(i - 1, feature.getIndex(), "feature order within " + chart.getKey());
        byte[] value = records.get(i).value();
        sha.update(value, 5, value.length - 5);
      }
      assertEquals(list.size() - 2, end.getFeatureCount(), chart.getKey() + " feature count");
      assertEquals(HexFormat.of().formatHex(sha.digest()), end.getContentHash(), chart.getKey() + " content hash");
      assertEquals(((ChartStart) list.getFirst()).getVersion(), end.getVersion());
    }
  }

  @Test
  void exchangeSetCatalogueEntriesComeBeforeTheirCellsAndAreRefinedByThem() throws Exception {
    AvroWireDeserializer<ChartCatalogEntry> catalog = new AvroWireDeserializer<>(harness.registry, TopicSchemas.CATALOG_ENTRY);
    Map<String, Long> catalogued = new TreeMap<>();
    Map<String, ChartCatalogEntry> refined = new TreeMap<>();
    for (var record : TopicDump.read(harness.bootstrap(), Topics.CHARTS_CATALOG)) {
      ChartCatalogEntry entry = catalog.deserialize(Topics.CHARTS_CATALOG, record.value());
      if (entry.getSource() == CatalogSource.EXCHANGE_SET) {
        catalogued.put(entry.getChartId(), record.timestamp());
        assertNotNull(entry.getBbox(), "CATALOG.031 gives a box for " + entry.getChartId());
      } else {
        refined.put(entry.getChartId(), entry);
      }
    }
    assertEquals(Set.of("US4HA23M", "US5CA16M", "US5HA24M", "US5HA57M"), catalogued.keySet());
    assertEquals(byChart.keySet(), refined.keySet(), "every chart read refines its catalogue entry");
    for (var record : featureRecords) {
      if (events.deserialize(Topics.S57_FEATURES, record.value()) instanceof ChartStart start
          && catalogued.containsKey(start.getChartId())) {
        assertTrue(catalogued.get(start.getChartId()) <= record.timestamp(), start.getChartId() + " catalogued before it was read");
      }
    }
    ChartCatalogEntry us5wa22m = refined.get("US5WA22M");
    assertEquals(4, us5wa22m.getVersion().getUpdateNumber());
    assertEquals(4, us5wa22m.getUpdateFiles().size());
    assertEquals(5, us5wa22m.getUsageBand());
    assertNotNull(us5wa22m.getCoverage());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", harness.bootstrap()))) {
      var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CHARTS_CATALOG);
      String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
      assertEquals("compact", policy);
    }
  }

  @Test
  void theUpdateWithoutItsBaseIsOneDeadLetter() {
    AvroWireDeserializer<IngestError> errors = new AvroWireDeserializer<>(harness.registry, TopicSchemas.INGEST_ERROR);
    List<IngestError> dead = TopicDump.read(harness.bootstrap(), Topics.INGEST_ERRORS).stream()
        .map(r -> errors.deserialize(Topics.INGEST_ERRORS, r.value())).toList();
    assertEquals(1, dead.size(), "dead letters: " + dead);
    assertEquals("bad/US5MD12M.001", dead.getFirst().getFile());
    assertEquals("update_without_base", dead.getFirst().getCode());
    assertEquals("update-chain", dead.getFirst().getStage());
  }

  /** Confluent's own Python client ({@code AvroConsumer}, Debian python3-confluent-kafka) decodes our topic. */
  @Test
  void confluentPythonAvroConsumerDecodesTheFeatures() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    boolean available = Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import confluent_kafka.avro")
        .redirectErrorStream(true).start().waitFor() == 0;
    if (!available) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("python3-confluent-kafka is missing: ./chartstream test installs it");
      }
      Assumptions.abort("python3-confluent-kafka not installed");
    }
    Path script = Path.of(getClass().getResource("/python/avro_consume.py").toURI());
    Process process = new ProcessBuilder(python.toString(), script.toString(), harness.bootstrap(),
        harness.schemaRegistry.url(), Topics.S57_FEATURES, String.valueOf(featureRecords.size()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), "python AvroConsumer failed: " + out);
    JsonNode summary = new ObjectMapper().readTree(out);
    for (var chart : byChart.entrySet()) {
      JsonNode theirs = summary.get(chart.getKey());
      assertNotNull(theirs, chart.getKey() + " decoded by Python");
      long features = chart.getValue().stream().filter(S57Feature.class::isInstance).count();
      assertEquals(features, theirs.get("features").asLong(), chart.getKey() + " features decoded by Python");
      assertEquals(((ChartEnd) chart.getValue().getLast()).getContentHash(), theirs.get("contentHash").asText());
      assertEquals(chart.getKey(), theirs.get("key").asText(), "Avro-encoded key decoded by Python");
    }
    assertTrue(summary.get("US1GC09M").get("names").toString().contains("Cayo Bahía de Cádiz"),
        "UTF-8 text as Python decodes it");
  }

  @Test
  void aRestartOnTheSameWorkDirReadsNothingAgain() throws Exception {
    long before = TopicDump.endOffsetSum(harness.bootstrap(), Topics.S57_FEATURES);
    harness.stopIngest();
    harness.startIngest();
    Thread.sleep(4000); // twenty scans at 200 ms
    assertEquals(before, TopicDump.endOffsetSum(harness.bootstrap(), Topics.S57_FEATURES),
        "records were written again after a restart");
  }

  private static String chartId(Object event) {
    return switch (event) {
      case ChartStart s -> s.getChartId();
      case S57Feature f -> f.getChartId();
      case ChartEnd e -> e.getChartId();
      default -> throw new AssertionError("unexpected record " + event);
    };
  }
}
