package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chartstream simulate} as a user runs it: the plan of a worldwide delivery, clear refusals,
 * and a delivery many times larger than the heap it is made in.
 */
class SimulateCommandTest {
  @TempDir Path tmp;

  @Test
  void aWorldwideDeliveryIsPlannedWithTheBandsThatCannotTakeTheirShareNamed() {
    String plan = LauncherRun.stdoutOf("simulate", "--from", SharedData.s57().toString(), "--cells", "45000", "--plan");
    assertTrue(plan.contains("simulate: 10 source cells"), plan);
    assertTrue(plan.contains("left out: bad/US5MD12M.001: update_without_base"), plan);
    assertTrue(plan.matches("(?s).*\\d+ cells of band 1 go to band 4: band 1 holds at most \\d+ cells.*"), plan);
    assertTrue(plan.contains("cells of band 3 go to band 4: no source cell of band 3 (coastal)"), plan);
  }

  @Test
  void badRequestsAreRefusedWithTheReason() throws Exception {
    assertTrue(LauncherRun.stderrOf("simulate", "--from", SharedData.s57().toString(), "--cells", "5", "--out",
        tmp.resolve("x").toString(), "--mix", "9=1").contains("'9=1' is not BAND=WEIGHT"));
    assertTrue(LauncherRun.stderrOf("simulate", "--from", tmp.resolve("nowhere").toString(), "--cells", "5",
        "--out", tmp.resolve("x").toString()).contains("no directory"));
    Path used = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(used.resolve("CATALOG.031"), "an earlier delivery");
    LauncherRun run = LauncherRun.of("simulate", "--from", SharedData.s57().toString(), "--cells", "1", "--out",
        used.toString());
    assertEquals(2, run.exit());
    assertTrue(run.stderr().contains("is not empty"), run.stderr());
    String overviewOnly = LauncherRun.stderrOf("simulate", "--from", SharedData.s57().resolve("US1BS01M").toString(),
        "--cells", "500", "--out", tmp.resolve("y").toString());
    assertTrue(overviewOnly.contains("500 cells do not fit"), overviewOnly);
  }

  /**
   * 400 copies of a 0.63 MB cell (250 MB) made in a JVM with a 24 MB heap: the delivery streams
   * through a fixed amount of memory, whatever its size.
   */
  @Test
  void aDeliveryTenTimesTheHeapIsMadeInIt() throws Exception {
    Path from = Files.createDirectories(tmp.resolve("from"));
    Path cell = SharedData.s57().resolve("exchange-sets/US5HA24M_Maui-West-Coast/US5HA24M/US5HA24M.000");
    Files.copy(cell, from.resolve("US5HA24M.000"));
    Path out = tmp.resolve("delivery");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx24m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "simulate", "--from", from.toString(), "--cells", "400", "--out", out.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("wrote 400 cells"), output);
    long bytes;
    try (Stream<Path> walk = Files.walk(out)) {
      bytes = walk.filter(p -> p.toString().endsWith(".000")).mapToLong(p -> p.toFile().length()).sum();
    }
    assertTrue(bytes > 10 * (24L << 20), "the cells written, " + bytes + " bytes, are not ten times the heap");
    assertEquals(List.of("set-0001"), Files.list(out).filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList());
  }
}
