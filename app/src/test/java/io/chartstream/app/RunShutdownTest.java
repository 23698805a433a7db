package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.ingest.s57.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as its own process, as an operator starts it: machine-readable progress; SIGTERM
 * closes sink, topology, Connect and broker in order within 30 s and exits 0, and ends the process
 * within 30 s even when a stage is inside one record that takes minutes. (A stage that dies:
 * {@code WaitingChartsTest}.)
 */
class RunShutdownTest {
  @TempDir Path input;
  @TempDir Path workDir;

  private static final String UNIT = "\u001f";

  @Test
  void sigtermEndsTheProcessWithinThirtySecondsWhileTheTopologyIsInsideOneLongRecord() throws Exception {
    // Without a bound on the tiles one record may reach, a CATALOG.031 box around the world keeps
    // the stream thread inside that one record for many minutes (what the bound prevents).
    Path config = Files.createDirectories(workDir.resolve("config"));
    try (var files = Files.walk(ConfigDir.find())) {
      for (Path file : files.toList()) {
        Path to = config.resolve(ConfigDir.find().relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(config.resolve("levels.properties"), "rcls.max=2000000000\n");
    Path maui = io.chartstream.ingest.s57.SharedData.s57().resolve("exchange-sets/US5HA24M_Maui-West-Coast");
    io.chartstream.ingest.s57.BrokenCells.copy(maui.resolve("US5HA24M/US5HA24M.000"), input.resolve("US5HA24M/US5HA24M.000"));
    io.chartstream.ingest.s57.BrokenCells.rewrite(maui.resolve("CATALOG.031"), input.resolve("CATALOG.031"),
        "BIN20.785665" + UNIT + "-156.744417" + UNIT + "20.963827" + UNIT + "-156.604922" + UNIT,
        "BIN-80.00000" + UNIT + "-180.000000" + UNIT + "80.000000" + UNIT + "180.0000000" + UNIT);
    try (RunProcess run = RunProcess.startWithConfig(config, input, workDir.resolve("out.dbv"), workDir.resolve("work"),
        workDir.resolve("run.log"))) {
      RunProcess.Report busy = run.await(p -> p.get("chartsIngested").asInt() == 1 && p.get("topologyLag").asLong() > 0, 0,
          Duration.ofMinutes(3));
      // Still behind ten seconds later: the stream thread is inside the world box.
      run.await(p -> p.get("topologyLag").asLong() > 0, busy.nanos() + TimeUnit.SECONDS.toNanos(10), Duration.ofMinutes(1));
      long stop = System.nanoTime();
      run.sigterm();
      int exit = run.awaitExit(Duration.ofSeconds(30));
      System.out.printf("stopped %d ms after SIGTERM, inside one long record%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop));
      assertEquals(ShutdownSignal.CUT_SHORT, exit, run.stderr());
      assertTrue(run.stderr().contains("still closing the topology"), "names what it could not wait for: " + run.stderr());
      assertTrue(run.output().stream().noneMatch(l -> l.contains("holds") || l.contains("Look at it")),
          "claims no dbv: " + run.output());
    }
  }

  @Test
  void sigtermStopsARunningProductionCleanlyWithinThirtySeconds() throws Exception {
    Files.copy(SharedData.s57().resolve("US1BS01M/US1BS01M.000"), input.resolve("US1BS01M.000"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process run = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", "--input", input.toString(), "--dbv", workDir.resolve("out.dbv").toString(),
        "--work-dir", workDir.resolve("work").toString(), "--json-progress", "--config-dir", ConfigDir.find().toString()))
        .redirectError(workDir.resolve("run.err").toFile()).start();
    JsonNode progress = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      for (String line; (line = out.readLine()) != null && System.nanoTime() < deadline; ) {
        if (!line.startsWith("{")) {
          continue; // the test class path's log configuration writes to stdout too
        }
        progress = new ObjectMapper().readTree(line);
        if (progress.get("chartsIngested").asInt() == 1 && progress.get("sinkCaughtUp").asBoolean() && progress.get("tileRecords").asLong() > 0) {
          break;
        }
      }
      assertTrue(progress != null && progress.get("chartsIngested").asInt() == 1,
          "progress: " + progress + "; the run's stderr: " + Files.readString(workDir.resolve("run.err")).lines().filter(l -> l.contains("ERROR") || l.contains("Exception")).limit(5).toList());
      long stop = System.nanoTime();
      run.destroy(); // SIGTERM
      assertTrue(run.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIGTERM");
      System.out.printf("stopped %d ms after SIGTERM%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stop));
      assertEquals(0, run.exitValue());
    } finally {
      run.destroyForcibly();
    }
    assertTrue(Files.size(workDir.resolve("out.dbv")) > 10_000);
  }

}
