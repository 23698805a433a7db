package io.chartstream.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.app.ConfigDir;
import io.chartstream.app.Main;
import io.chartstream.app.RunProcess;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.TileSummary;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} and {@code replay} over their life: cells dripped into a watched input, an update
 * applied while running, a production stopped by SIGTERM and by SIGKILL and resumed, and a
 * replay from the retained topics. Every final dbv is compared, per RCL content hash and chart
 * catalogue, with one uninterrupted {@code run --once} over the same cells with the update
 * applied from the start (the baseline, produced once for the class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunLifecycleTest {
  private static final Duration PRODUCTION = Duration.ofMinutes(5);
  private static final Path US1BS01M = SharedData.s57().resolve("US1BS01M/US1BS01M.000");
  private static final Path US4IL10M = SharedData.s57().resolve("US4IL10M/US4IL10M.000");
  private static final Path US4IL10M_UPDATE = SharedData.s57().resolve("US4IL10M/US4IL10M.001");

  private Path baselineDir;
  private DbvSnapshot baseline;

  /** A dbv's tiles (without blobs) and chart versions. */
  record DbvSnapshot(Map<Long, TileSummary> tiles, List<String> charts) {
    static DbvSnapshot of(Path dbv) {
      try (DbvReader reader = DbvReader.open(dbv)) {
        Map<Long, TileSummary> tiles = new TreeMap<>();
        reader.tileSummaries().forEach(t -> tiles.put(t.rcl(), t));
        return new DbvSnapshot(tiles, reader.charts().stream().map(c -> c.chartId() + " " + c.revision() + " " + c.file()).sorted().toList());
      }
    }

    Map<Long, String> hashes() {
      Map<Long, String> hashes = new TreeMap<>();
      tiles.forEach((rcl, t) -> hashes.put(rcl, t.contentHash()));
      return hashes;
    }

    boolean hasRevisionWithUpdate(String chartId, int update) {
      return charts.stream().anyMatch(c -> c.startsWith(chartId + " ") && c.contains(":" + update + ":"));
    }
  }

  @BeforeAll
  void uninterruptedRunWithTheUpdateAppliedFromTheStart(@TempDir Path dir) throws Exception {
    baselineDir = dir;
    Path input = Files.createDirectories(baselineDir.resolve("input"));
    for (Path cell : List.of(US1BS01M, US4IL10M, US4IL10M_UPDATE)) {
      Files.copy(cell, input.resolve(cell.getFileName()));
    }
    try (RunProcess run = RunProcess.start(input, baselineDir.resolve("baseline.dbv"), baselineDir.resolve("work"), baselineDir.resolve("run.log"), "--once")) {
      assertEquals(0, run.awaitExit(PRODUCTION), run.errors());
    }
    baseline = DbvSnapshot.of(baselineDir.resolve("baseline.dbv"));
    assertTrue(baseline.tiles().size() > 50, "baseline tiles: " + baseline.tiles().size());
    assertTrue(baseline.hasRevisionWithUpdate("US4IL10M", 1), "baseline charts: " + baseline.charts());
  }

  @Test
  @Order(1)
  void drippedCellsStreamIntoTheDbvAndAnUpdateReEmitsOnlyTheRclsItChanges(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path dbv = dir.resolve("drip.dbv");
    try (RunProcess run = RunProcess.start(input, dbv, dir.resolve("work"), dir.resolve("run.log"))) {
      run.await(p -> true, 0, PRODUCTION); // started and watching
      copy(US1BS01M, input);
      long firstRow = awaitDbv(dbv, s -> !s.tiles().isEmpty(), run);
      long rowsBeforeLastCell = DbvSnapshot.of(dbv).tiles().size();
      copy(US4IL10M, input); // the last cell
      assertTrue(rowsBeforeLastCell > 0, "no finished RCL in the dbv before the last cell was copied");
      System.out.printf("first RCL in the dbv %d ms after the first cell was copied; %d before the last cell%n",
          firstRow / 1_000_000, rowsBeforeLastCell);
      long charted = System.nanoTime() + awaitDbv(dbv, s -> s.hasRevisionWithUpdate("US4IL10M", 0), run);
      run.awaitSettled(2, charted + 4_000_000_000L, PRODUCTION);
      DbvSnapshot before = DbvSnapshot.of(dbv);
      assertTrue(before.tiles().keySet().containsAll(baseline.tiles().keySet()), "RCLs missing before the update");

      long copied = System.nanoTime();
      copy(US4IL10M_UPDATE, input);
      long updated = copied + awaitDbv(dbv, s -> s.hasRevisionWithUpdate("US4IL10M", 1), run);
      run.awaitSettled(2, updated + 4_000_000_000L, PRODUCTION);
      DbvSnapshot after = DbvSnapshot.of(dbv);

      // Incremental equals a clean run with the update from the start, RCL by RCL.
      assertEquals(baseline.hashes(), after.hashes());
      int changed = 0;
      for (TileSummary tile : after.tiles().values()) {
        TileSummary earlier = before.tiles().get(tile.rcl());
        if (earlier.contentHash().equals(tile.contentHash())) {
          assertEquals(earlier.sequence(), tile.sequence(), "RCL " + tile.rcl() + " re-emitted with unchanged content");
        } else {
          changed++;
          assertEquals(earlier.sequence() + 1, tile.sequence(), "RCL " + tile.rcl() + " changed by the update");
        }
      }
      assertTrue(changed > 0 && changed < after.tiles().size(), "RCLs changed by US4IL10M.001: " + changed + " of " + after.tiles().size());
      System.out.printf("US4IL10M.001 changed %d of %d RCLs%n", changed, after.tiles().size());
      run.sigterm();
      assertEquals(0, run.awaitExit(Duration.ofSeconds(45)));
    }
  }

  @Test
  @Order(2)
  void aProductionStoppedBySigtermAndThenSigkillResumesToTheUninterruptedResult(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    for (Path cell : List.of(US1BS01M, US4IL10M, US4IL10M_UPDATE)) {
      Files.copy(cell, input.resolve(cell.getFileName()));
    }
    Path dbv = dir.resolve("restart.dbv");
    Path work = dir.resolve("work");
    try (RunProcess run = RunProcess.start(input, dbv, work, dir.resolve("run1.log"))) {
      run.await(p -> p.get("chartsIngested").asInt() >= 1 && !p.get("settled").asBoolean(), 0, PRODUCTION);
      run.sigterm();
      assertEquals(0, run.awaitExit(Duration.ofSeconds(45)), run.errors());
    }
    System.out.printf("SIGTERM after %s%n", dir);
    long killedAt;
    try (RunProcess run = RunProcess.start(input, dbv, work, dir.resolve("run2.log"))) {
      run.await(p -> p.get("chartsIngested").asInt() >= 1 && !p.get("settled").asBoolean(), 0, PRODUCTION);
      Thread.sleep(2000);
      assertFalse(run.last().get("settled").asBoolean(), "finished before the SIGKILL: nothing was interrupted");
      killedAt = System.currentTimeMillis();
      run.sigkill();
      run.awaitExit(Duration.ofSeconds(30));
    }
    long restarted = System.nanoTime();
    try (RunProcess run = RunProcess.start(input, dbv, work, dir.resolve("run3.log"), "--once")) {
      assertEquals(0, run.awaitExit(PRODUCTION), run.errors());
    }
    System.out.printf("resumed to completion in %d ms after the SIGKILL%n", (System.nanoTime() - restarted) / 1_000_000);
    DbvSnapshot resumed = DbvSnapshot.of(dbv);
    assertEquals(baseline.hashes(), resumed.hashes());
    assertEquals(baseline.charts(), resumed.charts());

    // No chart version that had ended (its source offset committed: the worker flushes every
    // second) was read again: each such version has exactly one ChartEnd on s57.features.
    Map<String, List<Long>> ends = chartEnds(work);
    Set<String> endedBeforeKill = new TreeSet<>();
    ends.forEach((version, times) -> {
      if (times.getFirst() < killedAt - 2000) {
        endedBeforeKill.add(version);
        assertEquals(1, times.size(), version + " was read again after it had ended: ChartEnd at " + times);
      }
    });
    assertFalse(endedBeforeKill.isEmpty(), "no chart version had ended before the kill: " + ends);
    System.out.printf("chart versions ended before the kill and not read again: %s; all ChartEnds: %s%n", endedBeforeKill, ends);
  }

  /**
   * At least 20 SIGKILLs at random moments of a production (0 to 6 s after each restart's first
   * progress report: reading, clipping, assembling, sinking), each followed by a restart on the
   * same work dir, with the update file arriving halfway: the
   * final dbv equals the uninterrupted run's, RCL by RCL and chart by chart, and no chart version
   * whose records had all reached Kafka was read again (each has one ChartEnd on s57.features).
   */
  @Test
  @Order(3)
  @Tag("slow")
  void twentyRandomKillsDuringAProductionResumeToTheUninterruptedResult(@TempDir Path dir) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path input = Files.createDirectories(dir.resolve("input"));
    copy(US1BS01M, input);
    copy(US4IL10M, input);
    Path dbv = dir.resolve("killed.dbv");
    Path work = dir.resolve("work");
    List<Long> kills = new ArrayList<>();
    long loopStart = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      if (i == 10) {
        copy(US4IL10M_UPDATE, input); // new work for the second half
      }
      try (RunProcess run = RunProcess.start(input, dbv, work, dir.resolve("run" + i + ".log"))) {
        // Started (its first progress report): then a random moment of the production itself.
        run.await(p -> true, 0, PRODUCTION);
        long delay = random.nextInt(6000);
        long until = System.nanoTime() + delay * 1_000_000L;
        while (System.nanoTime() < until) {
          Thread.sleep(50);
          if (!run.isAlive()) {
            throw new AssertionError("run " + i + " ended before its kill; " + run.errors());
          }
        }
        kills.add(System.currentTimeMillis());
        run.sigkill();
        run.awaitExit(Duration.ofSeconds(30));
      }
    }
    long loop = System.nanoTime() - loopStart;
    try (RunProcess run = RunProcess.start(input, dbv, work, dir.resolve("final.log"), "--once")) {
      assertEquals(0, run.awaitExit(PRODUCTION), run.errors());
    }
    System.out.printf("20 SIGKILLs (seed %d) in %d s, then run --once; kills at %s%n", seed, loop / 1_000_000_000L, kills);
    DbvSnapshot resumed = DbvSnapshot.of(dbv);
    assertEquals(baseline.hashes(), resumed.hashes(), "seed " + seed);
    Map<String, List<Long>> ends = chartEnds(work);
    System.out.printf("ChartEnds by version: %s%n", ends);
    // The dbv's catalogue keeps a row per version produced: US4IL10M's base version is there too
    // when it was read whole before its update arrived (a ChartEnd says so), and only then.
    boolean baseEnded = ends.containsKey("US4IL10M:0");
    assertEquals(baseEnded, resumed.hasRevisionWithUpdate("US4IL10M", 0), "seed " + seed + ": " + resumed.charts() + ", ends " + ends);
    List<String> versionsOfTheBaseline = resumed.charts().stream()
        .filter(c -> !(baseEnded && c.startsWith("US4IL10M ") && c.contains(":0:"))).toList();
    assertEquals(baseline.charts(), versionsOfTheBaseline, "seed " + seed);
    // US4IL10M's base version ends only if it was read whole before its update arrived.
    assertTrue(ends.keySet().containsAll(Set.of("US1BS01M:0", "US4IL10M:1"))
        && Set.of("US1BS01M:0", "US4IL10M:0", "US4IL10M:1").containsAll(ends.keySet()), ends.toString());
    ends.forEach((version, times) -> assertEquals(1, times.size(),
        version + " was read again after all its records had reached Kafka: ChartEnds at " + times + ", kills at " + kills + ", seed " + seed));
  }

  @Test
  @Order(4)
  void replayReproducesTheDbvFromTheTopicsAndAppliesNewSettings(@TempDir Path dir) throws Exception {
    Path work = baselineDir.resolve("work");
    Path same = dir.resolve("same.dbv");
    assertEquals(0, new CommandLine(new Main()).execute("replay", "--work-dir", work.toString(), "--dbv", same.toString(),
        "--config-dir", ConfigDir.find().toString(), "--quiet"));
    DbvSnapshot replayed = DbvSnapshot.of(same);
    assertEquals(baseline.hashes(), replayed.hashes());
    assertEquals(baseline.charts(), replayed.charts());

    // New mariner settings (two depth shades, safety contour 10 m) and band 4 one level deeper.
    Path config = copyConfig(dir.resolve("config"));
    Files.writeString(config.resolve("mariner.properties"), "safetyContour=10\nshallowContour=2\ndeepContour=30\nsafetyDepth=10\ntwoShades=true\nshallowPattern=false\n");
    Files.writeString(config.resolve("levels.properties"), "band.4=13\n");
    Path changed = dir.resolve("changed.dbv");
    assertEquals(0, new CommandLine(new Main()).execute("replay", "--work-dir", work.toString(), "--dbv", changed.toString(),
        "--from", "ingest", "--config-dir", config.toString(), "--quiet"));
    DbvSnapshot restyled = DbvSnapshot.of(changed);
    Set<Integer> baselineLevels = new TreeSet<>();
    baseline.tiles().values().forEach(t -> baselineLevels.add(t.level()));
    Set<Integer> levels = new TreeSet<>();
    restyled.tiles().values().forEach(t -> levels.add(t.level()));
    assertEquals(Set.of(6, 12), baselineLevels);
    assertEquals(Set.of(6, 13), levels, "US4IL10M (band 4) moves to level 13");
    // Level 6 holds only US1BS01M (band 1, same level): any change there is the mariner settings'.
    int restyledTiles = 0;
    for (TileSummary tile : restyled.tiles().values()) {
      if (tile.level() == 6) {
        TileSummary old = baseline.tiles().get(tile.rcl());
        assertTrue(old != null, "level-6 RCL " + tile.rcl() + " not in the baseline");
        restyledTiles += old.contentHash().equals(tile.contentHash()) ? 0 : 1;
      }
    }
    assertTrue(restyledTiles > 0, "no level-6 tile changed with the new mariner settings");
    try (DbvReader reader = DbvReader.open(changed)) {
      assertTrue(reader.metadata().get("mariner_settings").contains("\"safetyContour\":\"10\""), reader.metadata().get("mariner_settings"));
    }
    System.out.printf("replay with new mariner settings restyled %d level-6 tiles; levels %s%n", restyledTiles, levels);
  }

  private static void copy(Path cell, Path input) throws IOException {
    Files.copy(cell, input.resolve(cell.getFileName()));
  }

  /** Polls the dbv until {@code condition} holds; returns the nanoseconds it took. */
  private static long awaitDbv(Path dbv, java.util.function.Predicate<DbvSnapshot> condition, RunProcess run) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + PRODUCTION.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(dbv)) {
        try {
          if (condition.test(DbvSnapshot.of(dbv))) {
            return System.nanoTime() - start;
          }
        } catch (RuntimeException e) {
          // the sink is creating the file
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the dbv did not get there within " + PRODUCTION + "; progress " + run.last() + "; " + run.errors());
  }

  /** Chart version ("chart:update") → timestamps of its ChartEnd records on s57.features, read with the work dir's broker. */
  private static Map<String, List<Long>> chartEnds(Path work) throws Exception {
    Map<String, List<Long>> ends = new TreeMap<>();
    try (EmbeddedPlatform platform = EmbeddedPlatform.start(work);
         SchemaRegistryClient registry = RestSchemaRegistryClient.fromUrl(platform.schemaRegistryUrl())) {
      sourceTopicsNeverExpire(platform.bootstrapServers());
      var events = new AvroWireDeserializer<Object>(registry, TopicSchemas.CHART_EVENT);
      for (var record : TopicDump.read(platform.bootstrapServers(), Topics.S57_FEATURES)) {
        if (events.deserialize(Topics.S57_FEATURES, record.value()) instanceof ChartEnd end) {
          ends.computeIfAbsent(end.getChartId() + ":" + end.getVersion().getUpdateNumber(), v -> new ArrayList<>()).add(record.timestamp());
        }
      }
    }
    ends.values().forEach(times -> times.sort(null));
    return ends;
  }

  /** What replay needs is kept for ever: every feature record, and the newest catalogue entry per chart. */
  private static void sourceTopicsNeverExpire(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      var features = new ConfigResource(ConfigResource.Type.TOPIC, Topics.S57_FEATURES);
      var catalog = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CHARTS_CATALOG);
      var configs = admin.describeConfigs(List.of(features, catalog)).all().get();
      assertEquals("-1", configs.get(features).get("retention.ms").value());
      assertEquals("-1", configs.get(features).get("retention.bytes").value());
      assertEquals("delete", configs.get(features).get("cleanup.policy").value());
      assertEquals("compact", configs.get(catalog).get("cleanup.policy").value());
    }
  }

  private static Path copyConfig(Path target) throws IOException {
    Path source = ConfigDir.find();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    return target;
  }
}
