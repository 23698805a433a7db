package io.chartstream.dbv.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.dbv.DbvMetadata;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.TestTiles;
import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartVersion;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sink against a real broker and registry: end to end, and killed at random moments. */
class DbvSinkTest {
  private static final Logger LOGGER = LoggerFactory.getLogger(DbvSinkTest.class);
  private static final DbvMetadata METADATA = DbvMetadata.worldMercator(Map.of(), Map.of());

  @TempDir static Path brokerDir;
  private static EmbeddedKafkaBroker broker;
  private static EmbeddedSchemaRegistry registry;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(brokerDir);
    registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
  }

  @AfterAll
  static void stopBroker() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void writesWhatWasCommitted() throws Exception {
    try (TestTopics topics = new TestTopics(broker.bootstrapServers(), registry.url(), "e2e")) {
      Map<Long, RclTile> expected = new HashMap<>();
      List<RclTile> first = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        first.add(TestTiles.tile(13, i, i + 1, 1, 1 + i % 5));
      }
      List<RclTile> second = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        second.add(TestTiles.tile(13, i, i + 1, 2, 3));
      }
      topics.send(first, List.of(entry("US5AA11M", 1, 0), entry("US5BB22M", 2, 1)), true);
      topics.send(List.of(TestTiles.tile(13, 0, 1, 9, 2), TestTiles.tile(14, 1, 1, 1, 1)),
          List.of(entry("US5AA11M", 9, 9)), false);
      topics.send(second, List.of(entry("US5AA11M", 1, 1)), true);
      first.forEach(t -> expected.put(t.getRcl(), t));
      second.forEach(t -> expected.put(t.getRcl(), t));

      Path dbv = dir.resolve("e2e.dbv");
      DbvSinkConfig config = DbvSinkConfig.of(broker.bootstrapServers(), registry.url(), dbv, METADATA)
          .withTopics(topics.tiles, topics.catalog);
      try (DbvSink sink = new DbvSink(config)) {
        Thread thread = Thread.ofPlatform().name("sink").start(sink);
        DbvAssertions.awaitOffsets(dbv, topics.endOffsets(), 30_000);
        assertTrue(thread.isAlive());
      }
      try (DbvReader reader = DbvReader.open(dbv)) {
        assertEquals(Map.of(13, 40L), reader.tileCountsByLevel());
        for (RclTile tile : expected.values()) {
          assertEquals(tile, reader.tile(tile.getLevel(), tile.getRow(), tile.getCol()).orElseThrow());
        }
        List<String> charts = DbvAssertions.chartRows(reader);
        assertEquals(3, charts.size(), charts.toString());
        assertTrue(charts.get(0).startsWith("US5AA11M|1:0:20240101:20230101|"), charts.toString());
        assertTrue(charts.get(1).startsWith("US5AA11M|1:1:20240101:20230101|"), charts.toString());
        assertTrue(charts.get(2).startsWith("US5BB22M|2:1:"), charts.toString());
      }
    }
  }

  @Test
  void killedAndRestartedSinkWritesTheSameFileAsACleanRun() throws Exception {
    try (TestTopics topics = new TestTopics(broker.bootstrapServers(), registry.url(), "crash")) {
      AtomicReference<Throwable> producerFailure = new AtomicReference<>();
      Thread producer = Thread.ofPlatform().name("producer").start(() -> {
        try {
          produceBatches(topics);
        } catch (Throwable t) {
          producerFailure.set(t);
        }
      });
      Path dbv = dir.resolve("crashed.dbv");
      Random random = new Random(7);
      int partialKills = 0;
      long previous = 0;
      for (int kill = 0; kill < 5; kill++) {
        Process process = startSinkProcess(topics, dbv, kill);
        // A sink JVM needs a second to many on a busy machine: kill it at some point after it has
        // started consuming, so that kills land mid-input however slow the start.
        awaitLogLine(process, kill, "Sink assigned");
        Thread.sleep(300 + random.nextInt(1500));
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        long stored = storedTotal(dbv);
        LOGGER.info("Killed sink process {} (exit {}) with {} records' offsets stored; its log ends {}",
            kill, process.exitValue(), stored, logTail(kill));
        if (stored > previous && producer.isAlive()) {
          partialKills++;
        }
        previous = stored;
      }
      // The test means something only if several restarted sinks made progress and were killed
      // before the input was complete.
      assertTrue(partialKills >= 1, "kills after partial progress: " + partialKills);
      Process last = startSinkProcess(topics, dbv, 5);
      try {
        producer.join(60_000);
        assertEquals(null, producerFailure.get());
        DbvAssertions.awaitOffsets(dbv, topics.endOffsets(), 30_000);
      } finally {
        last.destroy();
        last.waitFor(10, TimeUnit.SECONDS);
      }

      Path clean = dir.resolve("clean.dbv");
      DbvSinkConfig config = DbvSinkConfig.of(broker.bootstrapServers(), registry.url(), clean, METADATA)
          .withTopics(topics.tiles, topics.catalog);
      try (DbvSink sink = new DbvSink(config)) {
        Thread.ofPlatform().name("clean-sink").start(sink);
        DbvAssertions.awaitOffsets(clean, topics.endOffsets(), 30_000);
      }
      try (DbvReader reader = DbvReader.open(clean)) {
        assertEquals(120, reader.tileSummaries().size());
      }
      DbvAssertions.assertSameContent(clean, dbv);
    }
  }

  private void awaitLogLine(Process process, int run, String text) throws Exception {
    Path log = dir.resolve("sink-" + run + ".log");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (java.nio.file.Files.exists(log) && java.nio.file.Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("sink process " + run + " did not log '" + text + "' within 60 s: " + logTail(run));
  }

  private String logTail(int run) throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("sink-" + run + ".log"));
    return lines.subList(Math.max(0, lines.size() - 3), lines.size()).toString();
  }

  private static long storedTotal(Path dbv) {
    if (!java.nio.file.Files.exists(dbv)) {
      return 0;
    }
    try (DbvReader reader = DbvReader.open(dbv)) {
      return reader.storedOffsets().values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** 12 transactions of 40 tiles over ~15 s: new RCLs and re-emissions, some aborted. */
  private static void produceBatches(TestTopics topics) throws InterruptedException {
    Random random = new Random(11);
    Map<Long, Long> sequences = new HashMap<>();
    for (int batch = 0; batch < 12; batch++) {
      boolean commit = batch % 5 != 3;
      List<RclTile> tiles = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int row = random.nextInt(120);
        long rcl = TestTiles.rcl(13, row, row);
        long sequence = commit ? sequences.merge(rcl, 1L, Long::sum) : 1000;
        tiles.add(TestTiles.tile(13, row, row, sequence, 1 + random.nextInt(20)));
      }
      topics.send(tiles, List.of(entry("US5C" + (batch % 4) + "00M", 1, batch)), commit);
      Thread.sleep(1200);
    }
    // Every RCL at least once, so the clean run's tile count is known.
    List<RclTile> rest = new ArrayList<>();
    for (int row = 0; row < 120; row++) {
      rest.add(TestTiles.tile(13, row, row, sequences.merge(TestTiles.rcl(13, row, row), 1L, Long::sum), 2));
    }
    topics.send(rest, List.of(), true);
  }

  private Process startSinkProcess(TestTopics topics, Path dbv, int run) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        DbvSinkMain.class.getName(), broker.bootstrapServers(), registry.url(), dbv.toString(),
        topics.tiles, topics.catalog)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(new File(dir.toFile(), "sink-" + run + ".log"))
        .start();
  }

  private static ChartCatalogEntry entry(String chartId, int edition, int update) {
    return ChartCatalogEntry.newBuilder().setChartId(chartId).setSource(CatalogSource.CELL)
        .setFile(chartId + "/" + chartId + ".000").setProducer(chartId.substring(0, 2))
        .setVersion(new ChartVersion(edition, update, "20240101", "20230101"))
        .setCompilationScale(22000).setUsageBand(5)
        .setCoverage(ByteBuffer.wrap(new byte[] {1, (byte) edition, (byte) update})).build();
  }
}
