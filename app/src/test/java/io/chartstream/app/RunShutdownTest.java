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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as its own process, as an operator starts it: machine-readable progress, and
 * SIGTERM closes sink, topology, Connect and broker in order within 30 s and exits 0.
 */
class RunShutdownTest {
  @TempDir Path input;
  @TempDir Path workDir;

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
