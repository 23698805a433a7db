package io.chartstream.ingest.s57;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a scan says the files it left out as not settled become settled: the earliest of them,
 * from their mtimes on disk, ignoring files already settled and hidden files.
 */
class InputScannerSettleTest {
  private static final long HOUR = 3_600_000;

  @TempDir
  Path input;

  @Test
  void nextSettledAtIsWhenTheFirstUnsettledFileSettles() throws Exception {
    long now = System.currentTimeMillis();
    Path chart = Files.createDirectories(input.resolve("ENC_ROOT/US9XX01M"));
    touch(chart.resolve("US9XX01M.000"), now - 5_000);
    touch(chart.resolve("US9XX01M.001"), now - 2_000);
    touch(input.resolve("US9YY01M.000"), now - 3 * HOUR); // settled: not waited for
    touch(input.resolve(".US9ZZ01M.000.part"), now - 10_000); // hidden: never scanned

    InputScan scan = new InputScanner(input, HOUR).scan();

    assertEquals(OptionalLong.of(now - 5_000 + HOUR), scan.nextSettledAt());
    assertEquals(1, scan.cells().size(), "only the settled cell is taken");
    assertEquals("US9YY01M", scan.cells().getFirst().chartId());
  }

  @Test
  void nothingToWaitForWhenEveryFileIsSettled() throws Exception {
    touch(input.resolve("US9YY01M.000"), System.currentTimeMillis() - 10_000);

    InputScan scan = new InputScanner(input, 1_000).scan();

    assertTrue(scan.nextSettledAt().isEmpty(), scan.nextSettledAt().toString());
    assertEquals(1, scan.cells().size());
  }

  private static void touch(Path file, long modifiedMillis) throws Exception {
    Files.writeString(file, "not read here");
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
  }
}
