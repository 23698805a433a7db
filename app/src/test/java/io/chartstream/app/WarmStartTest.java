package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's warm start (issue 17): the real {@code ./chartstream} script, with its AOT cache in a
 * folder of the test's own ({@code CHARTSTREAM_AOT_DIR}). The JVM is the oracle for whether the cache
 * is used: {@code -Xlog:class+load} names "shared objects file" as the source of a class that came
 * from the cache. A broken cache or a failed training must never fail a command.
 */
class WarmStartTest {
  private static final Path REPO = ConfigDir.find().getParent();

  @TempDir Path tmp;

  /** Fast: no training. The failed training names its reason once; a corrupt cache is run past. */
  @Test
  void aFailedTrainingAndACorruptCacheNeverFailACommand() throws Exception {
    Path aot = tmp.resolve("aot");
    Map<String, String> noCells = Map.of("CHARTSTREAM_AOT_DIR", aot.toString(), "CHARTSTREAM_AOT_CELLS", tmp.resolve("none").toString());

    Result failed = launcher(noCells, "warm-start");
    assertNotEquals(0, failed.exit, failed.stderr);
    assertTrue(failed.stderr.contains("could not be trained (no S-57 cells to train on at " + tmp.resolve("none")), failed.stderr);
    assertEquals(1, failed.stderr.lines().filter(l -> l.contains("could not be trained")).count(), failed.stderr);
    Path marker = only(aot, ".failed");

    // A run after a failed training neither trains again nor repeats the message (a run on a
    // missing input stands in for it: the launcher's whole path, then a quick usage error).
    Result after = launcher(noCells, "run", "--input", tmp.resolve("no-input").toString(), "--once", "--http-port", "0");
    assertEquals(2, after.exit, after.stderr);
    assertTrue(after.stderr.contains("is not a directory"), after.stderr);
    assertFalse(after.stderr.contains("train"), after.stderr);

    // A corrupt cache under this build's name: garbage with the JVM's own checks to pass or fail.
    Path cache = marker.resolveSibling(marker.getFileName().toString().replace(".failed", ".aot"));
    Files.write(cache, "not an AOT cache, but long enough to have a header".repeat(1000).getBytes(StandardCharsets.UTF_8));
    for (List<String> command : List.of(List.of("--version"), List.of("simulate", "--plan", "--cells", "3"))) {
      Result run = launcher(Map.of("CHARTSTREAM_AOT_DIR", aot.toString()), command.toArray(String[]::new));
      assertEquals(0, run.exit, run.stderr);
      assertTrue(run.stderr.contains("AOT cache"), "the JVM says on stderr that it could not use the cache: " + run.stderr);
      assertFalse(run.stdout.contains("[aot"), "the JVM's warnings stay off stdout: " + run.stdout);
    }
    assertTrue(launcher(Map.of("CHARTSTREAM_AOT_DIR", aot.toString()), "--version").stdout.startsWith("chartstream "));
  }

  /** Slow (a training run): the trained cache is used, and run --once with it writes a dbv. */
  @Tag("slow")
  @Test
  void theTrainedCacheIsUsedAndARunWithItProducesTheChart() throws Exception {
    Path aot = tmp.resolve("aot");
    Map<String, String> env = Map.of("CHARTSTREAM_AOT_DIR", aot.toString(), "CHARTSTREAM_AOT_CELLS", SharedData.s57().toString());
    Result trained = launcher(env, "warm-start");
    assertEquals(0, trained.exit, trained.stderr);
    Path cache = Path.of(trained.stdout.strip());
    assertEquals(only(aot, ".aot"), cache);
    assertTrue(trained.stderr.contains("start-up cache trained in"), trained.stderr);

    Path classes = tmp.resolve("class-load.log");
    Result used = launcher(Map.of("CHARTSTREAM_AOT_DIR", aot.toString(), "CHARTSTREAM_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
        "--version");
    assertEquals(0, used.exit, used.stderr);
    String log = Files.readString(classes);
    assertTrue(log.contains(" io.chartstream.app.Main source: shared objects file"), "Main came from the cache:\n"
        + log.lines().filter(l -> l.contains("io.chartstream")).limit(5).toList());

    // Without the cache, the same class comes from the jar: the check above can fail.
    Path plain = tmp.resolve("class-load-off.log");
    launcher(Map.of("CHARTSTREAM_AOT", "off", "CHARTSTREAM_JAVA_OPTS", "-Xlog:class+load=info:file=" + plain), "--version");
    assertFalse(Files.readString(plain).contains(" io.chartstream.app.Main source: shared objects file"));

    // A run with the cache: one simulated cell, the whole production.
    Path cells = tmp.resolve("cells");
    assertEquals(0, launcher(env, "simulate", "--cells", "1", "--from", SharedData.s57().toString(), "--out", cells.toString()).exit);
    Path dbv = tmp.resolve("chart.dbv");
    Result run = launcher(env, "run", "--input", cells.toString(), "--dbv", dbv.toString(), "--work-dir", tmp.resolve("work").toString(),
        "--config-dir", REPO.resolve("config").toString(), "--once", "--quiet", "--http-port", "0");
    assertEquals(0, run.exit, run.stderr);
    assertFalse(run.stderr.contains("train"), "the cache was there: no second training\n" + run.stderr);
    assertTrue(Files.size(dbv) > 0);
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(REPO.resolve("chartstream").toString()), Stream.of(args)).toList())
        .directory(REPO.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("CHARTSTREAM_JAVA_OPTS");
    builder.environment().remove("CHARTSTREAM_AOT");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("chartstream " + String.join(" ", args) + " did not finish in 10 minutes");
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Path only(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
      assertEquals(1, found.size(), "one " + suffix + " in " + dir + ": " + found);
      return found.getFirst();
    }
  }
}
