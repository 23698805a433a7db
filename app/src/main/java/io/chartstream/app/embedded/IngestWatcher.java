package io.chartstream.app.embedded;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.IngestProblem;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Follows what ingest has committed to Kafka ({@code read_committed}, from the beginning) and
 * tells when every chart of an input scan has either ended its current version on
 * {@code s57.features} or failed on {@code s57.ingest.errors}, and every bad file is reported.
 * Charts that appear after the scan (files copied into a watched input) are followed too, from
 * their {@code ChartStart}: they count as known, and as complete once that version ended. It also
 * follows {@code charts.catalog}, for the charts exchange sets promised that have not arrived
 * ({@link CatalogPromises}).
 * It only reads, so it works the same against an embedded broker and a cluster.
 */
public final class IngestWatcher implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroWireDeserializer<Object> events;
  private final ChartEventBranch branch;
  private final AvroWireDeserializer<IngestError> errors;
  private final AvroWireDeserializer<ChartCatalogEntry> catalogEntries;
  private final AvroWireDeserializer<Object> keys;
  private final CatalogPromises promises = new CatalogPromises();
  /** Chart id → the last dead letter naming it, as "code: reason". */
  private final Map<String, String> lastFailure = new HashMap<>();
  /** Chart id → update number its current files should end at. */
  private final Map<String, Integer> expectedCharts = new HashMap<>();
  private final Set<String> expectedErrorFiles = new HashSet<>();
  private final Set<String> endedCharts = new HashSet<>();
  /** Chart id → newest update number started and ended on s57.features (any chart, scanned or not). */
  private final Map<String, Integer> startedVersions = new HashMap<>();
  private final Map<String, Integer> endedVersions = new HashMap<>();
  private final Set<String> failedCharts = new HashSet<>();
  private final Set<String> reportedFiles = new HashSet<>();
  private final List<String> deadLetters = new java.util.ArrayList<>();
  private long features;
  private long errorCount;

  public IngestWatcher(String bootstrapServers, SchemaRegistryClient registry, InputScan expected) {
    consumer = CommittedRecords.fromBeginning(bootstrapServers, "chartstream-ingest-watcher");
    consumer.subscribe(List.of(Topics.S57_FEATURES, Topics.INGEST_ERRORS, Topics.CHARTS_CATALOG));
    events = new AvroWireDeserializer<>(registry, TopicSchemas.CHART_EVENT);
    branch = new ChartEventBranch(registry);
    errors = new AvroWireDeserializer<>(registry, TopicSchemas.INGEST_ERROR);
    catalogEntries = new AvroWireDeserializer<>(registry, TopicSchemas.CATALOG_ENTRY);
    keys = new AvroWireDeserializer<>(registry, TopicSchemas.STRING_KEY);
    expect(expected);
  }

  /**
   * Expects the charts and bad files of {@code scan} too: a later scan of a watched input, with
   * files copied in since. Nothing is read again: a chart whose version already ended counts as
   * ended at once, and one with a new update file waits for that version.
   */
  public void expect(InputScan scan) {
    for (CellFiles cell : scan.cells()) {
      int updates = cell.updates().size();
      expectedCharts.put(cell.chartId(), updates);
      if (endedVersions.getOrDefault(cell.chartId(), -1) >= updates) {
        endedCharts.add(cell.chartId());
      } else {
        endedCharts.remove(cell.chartId());
      }
    }
    for (IngestProblem problem : scan.problems()) {
      expectedErrorFiles.add(problem.file());
    }
  }

  /** Reads what arrived within {@code timeout}; returns whether everything expected is in. */
  public boolean poll(Duration timeout) {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      if (record.topic().equals(Topics.CHARTS_CATALOG)) {
        String chartId = String.valueOf(keys.deserialize(record.topic(), record.key()));
        promises.accept(chartId, record.value() == null ? null : catalogEntries.deserialize(record.topic(), record.value()),
            System.currentTimeMillis());
        continue;
      }
      if (record.topic().equals(Topics.INGEST_ERRORS)) {
        IngestError error = errors.deserialize(record.topic(), record.value());
        errorCount++;
        reportedFiles.add(error.getFile());
        deadLetters.add(error.getFile() + " [" + error.getStage() + "] " + error.getCode() + ": " + error.getReason());
        if (error.getChartId() != null) {
          failedCharts.add(error.getChartId());
          lastFailure.put(error.getChartId(), error.getCode() + ": " + error.getReason());
        }
        continue;
      }
      if (branch.isFeature(record.value())) {
        features++; // counted, not decoded: features are nearly all of the topic
        continue;
      }
      Object event = events.deserialize(record.topic(), record.value());
      if (event instanceof S57Feature) {
        features++;
      } else if (event instanceof ChartStart start) {
        startedVersions.merge(start.getChartId(), start.getVersion().getUpdateNumber(), Math::max);
      } else if (event instanceof ChartEnd end) {
        endedVersions.merge(end.getChartId(), end.getVersion().getUpdateNumber(), Math::max);
        Integer updates = expectedCharts.get(end.getChartId());
        if (updates != null && end.getVersion().getUpdateNumber() >= updates) {
          endedCharts.add(end.getChartId());
        }
      }
    }
    return isComplete();
  }

  public boolean isComplete() {
    for (String chart : expectedCharts.keySet()) {
      if (!endedCharts.contains(chart) && !failedCharts.contains(chart)) {
        return false;
      }
    }
    for (var started : startedVersions.entrySet()) {
      if (endedVersions.getOrDefault(started.getKey(), -1) < started.getValue() && !failedCharts.contains(started.getKey())) {
        return false; // a chart version is being read now
      }
    }
    return reportedFiles.containsAll(expectedErrorFiles);
  }

  /** Charts known so far: those of the scan and any that started later. */
  public int chartsKnown() {
    Set<String> known = new HashSet<>(expectedCharts.keySet());
    known.addAll(startedVersions.keySet());
    return known.size();
  }

  /** Charts whose current version has ended: the scan's at the update they should end at, later ones at the newest started. */
  public Set<String> chartsIngested() {
    Set<String> ingested = new HashSet<>();
    expectedCharts.keySet().stream().filter(endedCharts::contains).forEach(ingested::add);
    for (var started : startedVersions.entrySet()) {
      if (!expectedCharts.containsKey(started.getKey()) && endedVersions.getOrDefault(started.getKey(), -1) >= started.getValue()) {
        ingested.add(started.getKey());
      }
    }
    return ingested;
  }

  public int chartsExpected() {
    return expectedCharts.size();
  }

  public int chartsEnded() {
    return (int) expectedCharts.keySet().stream().filter(endedCharts::contains).count();
  }

  public long features() {
    return features;
  }

  public long errors() {
    return errorCount;
  }

  /** Expected charts that have not ended their current version (yet, or because they failed). */
  public List<String> chartsNotEnded() {
    return expectedCharts.keySet().stream().filter(c -> !endedCharts.contains(c)).sorted().toList();
  }

  /** What the exchange sets' catalogues promised, as read so far. */
  public CatalogPromises promises() {
    return promises;
  }

  /** The last dead letter naming {@code chartId}, as "code: reason", if any. */
  public java.util.Optional<String> failureOf(String chartId) {
    return java.util.Optional.ofNullable(lastFailure.get(chartId));
  }

  /** Every dead letter read so far, as "file [stage] code: reason". */
  public List<String> deadLetters() {
    return List.copyOf(deadLetters);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
