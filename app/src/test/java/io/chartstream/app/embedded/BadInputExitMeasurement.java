package io.chartstream.app.embedded;

import io.chartstream.app.RunProcess;
import io.chartstream.ingest.s57.BrokenCells;
import io.chartstream.ingest.s57.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long {@code run --once} takes to exit on each broken input alone, beside one good cell, and
 * the same with the good cell only: the figures of docs/operations.md. A measurement, kept out of
 * the suite by its name (run it with {@code -Dtest=BadInputExitMeasurement}); asserts nothing but
 * that each run exits.
 */
class BadInputExitMeasurement {
  @TempDir Path dir;

  @Test
  void measure() throws Exception {
    StringBuilder table = new StringBuilder("| case | exit | seconds to exit |\n|---|---|---|\n");
    for (String name : java.util.stream.Stream.concat(java.util.stream.Stream.of("(good cell only)"),
        java.util.Arrays.stream(BrokenDelivery.NAMES)).toList()) {
      Path caseDir = Files.createDirectories(dir.resolve(name.replaceAll("[^a-z0-9]", "")));
      Path input = caseDir.resolve("input");
      BrokenCells.copy(SharedData.s57().resolve("US1BS01M/US1BS01M.000"), input.resolve("good/US1BS01M.000"));
      if (!name.startsWith("(")) {
        new BrokenDelivery(input, caseDir.resolve("outside")).build(name);
      }
      long start = System.nanoTime();
      int exit;
      try (RunProcess run = RunProcess.start(input, caseDir.resolve("out.dbv"), caseDir.resolve("work"), caseDir.resolve("run.log"), "--once")) {
        exit = run.awaitExit(Duration.ofMinutes(10));
      }
      table.append(String.format(java.util.Locale.ROOT, "| %s | %d | %.1f |%n", name, exit, (System.nanoTime() - start) / 1e9));
      System.out.print(table);
    }
    System.out.println(table);
  }
}
