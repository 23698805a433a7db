package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.dbv.DbvReader;
import io.chartstream.ingest.s57.BrokenCells;
import io.chartstream.ingest.s57.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.chartstream.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched production where an exchange set's catalogue promises a cell that never comes: the
 * RCLs it shares with a good chart wait, the chart and those RCLs are listed on the operator page
 * and by {@code status}, and once ingest has had nothing else to read for the grace period the
 * chart is released and the waiting RCLs reach the dbv without it. Then its sink dies, and the
 * run says so and ends with status 4.
 */
class WaitingChartsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aPromisedCellThatNeverComesIsListedThenReleasedAfterTheGrace() throws Exception {
    Path maui = SharedData.s57().resolve("exchange-sets/US5HA24M_Maui-West-Coast");
    Path input = dir.resolve("input");
    // The promise is known before the cell comes, as when an exchange set's catalogue was read
    // first. A catalogue and a cell of two exchange sets read in the same moment take two paths
    // through the topology, and the cell's tiles may then be produced before the promise reaches
    // them (they are produced again when the promised chart comes).
    Path staged = dir.resolve("staged/maui");
    BrokenCells.copy(maui.resolve("CATALOG.031"), staged.resolve("CATALOG.031"));
    BrokenCells.copy(maui.resolve("US5HA24M/US5HA24M.000"), staged.resolve("US5HA24M/US5HA24M.000"));
    BrokenCells.rewrite(maui.resolve("CATALOG.031"), input.resolve("promise/CATALOG.031"),
        "US5HA24M\\US5HA24M.000", "US5HA24N\\US5HA24N.000");
    Path work = dir.resolve("work");
    Path dbv = dir.resolve("out.dbv");
    try (RunProcess run = RunProcess.start(input, dbv, work, dir.resolve("run.log"), "--release-missing-after", "60s")) {
      URI page = URI.create(run.address(work).httpUrl());
      awaitWaiting(page, w -> w.size() == 1 && w.get(0).get("rcls").asInt() > 0);
      Files.move(staged, input.resolve("maui"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      long arrived = System.nanoTime();
      run.await(p -> p.get("chartsIngested").asInt() == 1 && p.get("topologyLag").asLong() == 0 && p.get("sinkCaughtUp").asBoolean(), arrived, Duration.ofMinutes(3));
      JsonNode waiting = awaitWaiting(page, w -> w.size() == 1 && w.get(0).get("rcls").asInt() > 0 && w.get(0).get("releaseAt").asLong() > 0);
      JsonNode chart = waiting.get(0);
      assertEquals("US5HA24N", chart.get("chartId").asText());
      assertEquals("promise/CATALOG.031", chart.get("catalogFile").asText());
      assertTrue(chart.get("reason").asText().startsWith("no file promise/US5HA24N/US5HA24N.000"), chart.toString());
      int rcls = chart.get("rcls").asInt();
      assertTrue(mauiTiles(dbv) == 0, "the RCLs US5HA24M shares with the promised chart wait for it");

      String status = LauncherRun.stdoutOf("status", "--work-dir", work.toString());
      assertTrue(status.contains("waiting for US5HA24N (promise/US5HA24N/US5HA24N.000, promised by promise/CATALOG.031)")
          && status.contains(rcls + " RCLs wait for it"), status);

      awaitWaiting(page, w -> w.isEmpty());
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (mauiTiles(dbv) < rcls && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(mauiTiles(dbv) >= rcls, "released: every RCL that waited reached the dbv (" + mauiTiles(dbv) + " of " + rcls + ")");

      // Then the sink dies: a record on rcl.tiles the topology did not write, which it cannot
      // store. The run names it and ends, instead of watching on with no dbv being written.
      String bootstrap = run.address(work).bootstrapServers();
      try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", bootstrap), new ByteArraySerializer(),
          new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>(Topics.RCL_TILES, 0, new byte[] {0, 0, 0, 0, 1, 2},
            "not a tile".getBytes(StandardCharsets.UTF_8))).get();
      }
      assertEquals(RunCommand.STAGE_DIED, run.awaitExit(Duration.ofSeconds(60)), run.stderr());
      String said = run.stderr().lines().filter(l -> l.startsWith("chartstream run: the dbv sink stopped")).findFirst().orElse("");
      assertTrue(said.contains("rcl.tiles partition 0"), "names the sink and why: " + run.stderr());
    }
  }

  private static long mauiTiles(Path dbv) {
    if (!Files.exists(dbv)) {
      return 0;
    }
    try (DbvReader reader = DbvReader.open(dbv)) {
      return reader.tileSummaries().stream().filter(t -> t.charts().contains("\"US5HA24M\"") && t.level() == 13).count();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static JsonNode awaitWaiting(URI page, java.util.function.Predicate<JsonNode> condition) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = JSON.readTree(http.send(HttpRequest.newBuilder(page.resolve("api/waiting")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body());
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("/api/waiting never got there; last " + last);
  }
}
