package io.chartstream.ingest.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.ingest.s57.GdalOracle;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source task on a watched local directory, with a real broker, registry and GDAL: with the
 * periodic scan an hour away, a cell copied in after the start is read all the same, because the
 * watch reports the copy and the task scans again the moment the file settles; likewise in
 * directories created after the start. A half-written file read once is read again when its
 * copy completes (a new size and mtime). An input that cannot be watched is still scanned
 * periodically.
 */
class WatchedInputTaskTest {
  private static final String CELL = "US1BS01M";
  /** Far beyond the test's length: only the watch (or a file settling) can start a scan. */
  private static final String NO_PERIODIC_SCAN = "3600000";

  @TempDir
  static Path shared;
  private static EmbeddedKafkaBroker broker;
  private static EmbeddedSchemaRegistry registry;
  private static Path source;
  /** GDAL's (ogrinfo's) count of the cell's features: the records of one chart version are these plus catalogue, start and end. */
  private static int expectedRecords;
  private static long sourceSize;

  @TempDir
  Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    source = SharedData.s57().resolve(CELL).resolve(CELL + ".000");
    sourceSize = Files.size(source);
    Map<String, Integer> counts = new HashMap<>(GdalOracle.featureCounts(source));
    counts.remove("DSID");
    expectedRecords = counts.values().stream().mapToInt(Integer::intValue).sum() + 3;
    broker = EmbeddedKafkaBroker.start(shared.resolve("broker"));
    registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void readsACellCopiedInAfterTheStart() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    S57SourceTask task = start(input, NO_PERIODIC_SCAN, "200");
    try {
      Files.copy(source, input.resolve(CELL + ".000"));

      List<SourceRecord> records = pollUntil(task, r -> chartVersionDone(r, CELL + ".000", sourceSize));
      assertEquals(expectedRecords, chartRecords(records), "records of the chart version, against ogrinfo's feature count");
    } finally {
      task.stop();
    }
  }

  @Test
  void readsACellCopiedIntoADirectoryCreatedAfterTheStart() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    S57SourceTask task = start(input, NO_PERIODIC_SCAN, "200");
    try {
      Path chartDir = Files.createDirectories(input.resolve("ENC_ROOT").resolve(CELL));
      // Let the task take the directories' creation (and so watch them) before the file comes,
      // so only a watch on the new directory can report it.
      for (int i = 0; i < 4; i++) {
        task.poll();
      }
      Path part = chartDir.resolve("." + CELL + ".000.part");
      Files.copy(source, part);
      Files.move(part, chartDir.resolve(CELL + ".000"), StandardCopyOption.ATOMIC_MOVE);

      List<SourceRecord> records = pollUntil(task, r -> chartVersionDone(r, "ENC_ROOT/" + CELL + "/" + CELL + ".000", sourceSize));
      assertEquals(expectedRecords, chartRecords(records));
    } finally {
      task.stop();
    }
  }

  @Test
  void readsAHalfWrittenCellAgainOnceItsCopyCompletes() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    S57SourceTask task = start(input, NO_PERIODIC_SCAN, "200");
    try {
      // A copy that stalled mid-file for longer than the settle time: taken as it is.
      byte[] whole = Files.readAllBytes(source);
      Path cell = input.resolve(CELL + ".000");
      Files.write(cell, Arrays.copyOf(whole, whole.length / 2));
      Files.setLastModifiedTime(cell, FileTime.fromMillis(System.currentTimeMillis() - 10_000));
      long half = Files.size(cell);
      pollUntil(task, r -> chartVersionDone(r, CELL + ".000", half) || errorFor(r, CELL + ".000"));

      Files.write(cell, whole); // the copy completes: new size and mtime
      List<SourceRecord> records = pollUntil(task, r -> chartVersionDone(r, CELL + ".000", whole.length));
      assertEquals(expectedRecords, chartRecords(records), "the completed file read whole");
    } finally {
      task.stop();
    }
  }

  @Test
  void scansPeriodicallyWhenTheInputCannotBeWatched() throws Exception {
    Path input = dir.resolve("not-yet"); // missing at the start: no watch can be registered on it
    S57SourceTask task = start(input, "100", "0");
    try {
      task.poll();
      Path part = Files.createDirectories(dir.resolve("staging")).resolve(CELL + ".000");
      Files.copy(source, part);
      Files.createDirectories(input);
      Files.move(part, input.resolve(CELL + ".000"), StandardCopyOption.ATOMIC_MOVE);

      List<SourceRecord> records = pollUntil(task, r -> chartVersionDone(r, CELL + ".000", sourceSize));
      assertEquals(expectedRecords, chartRecords(records));
    } finally {
      task.stop();
    }
  }

  private static S57SourceTask start(Path input, String scanInterval, String settle) {
    return start(registry.url(), input, scanInterval, settle);
  }

  /** A task on {@code input} with the given scan interval and settle time (ms), started. */
  static S57SourceTask start(String registryUrl, Path input, String scanInterval, String settle) {
    Map<String, String> props = new HashMap<>();
    props.put(S57SourceConnectorConfig.INPUT_CONF, input.toString());
    props.put(S57SourceConnectorConfig.SCHEMA_REGISTRY_URL_CONF, registryUrl);
    props.put(S57SourceConnectorConfig.SCAN_INTERVAL_CONF, scanInterval);
    props.put(S57SourceConnectorConfig.SETTLE_CONF, settle);
    S57SourceTask task = new S57SourceTask();
    task.start(props);
    return task;
  }

  /** Polls until {@code done} holds for what was polled, failing after 90 s (a generous bound, not a measurement). */
  private static List<SourceRecord> pollUntil(S57SourceTask task, Predicate<List<SourceRecord>> done) throws Exception {
    List<SourceRecord> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.test(records)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not there after 90 s; polled " + records.size() + " records: "
            + records.stream().map(SourceRecord::sourcePartition).distinct().toList());
      }
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        records.addAll(batch);
      }
    }
    return records;
  }

  /**
   * Whether the chart's version with its base cell at {@code basePath} (relative to the input)
   * of {@code size} bytes was handed over to its end: its ChartEnd's offset is the files' stamps.
   */
  private static boolean chartVersionDone(List<SourceRecord> records, String basePath, long size) {
    String prefix = basePath + ":" + size + ":";
    return records.stream().anyMatch(r -> CELL.equals(r.sourcePartition().get("chart"))
        && String.valueOf(r.sourceOffset().get(OffsetLedger.VALUE)).startsWith(prefix));
  }

  private static boolean errorFor(List<SourceRecord> records, String file) {
    return records.stream().anyMatch(r -> file.equals(r.sourcePartition().get("file")));
  }

  private static long chartRecords(List<SourceRecord> records) {
    return records.stream().filter(r -> CELL.equals(r.sourcePartition().get("chart"))).count();
  }
}
