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

  @Test
  void aWholeIso8211FileSettlesSoonerThanOneStillBeingCopied() throws Exception {
    long now = System.currentTimeMillis();
    byte[] cell = Files.readAllBytes(SharedData.s57().resolve("US5WA22M/US5WA22M.000"));
    Path whole = input.resolve("US5WA22M.000");
    Files.write(whole, cell);
    Files.setLastModifiedTime(whole, FileTime.fromMillis(now - 2_000));
    Path copying = input.resolve("US5WA23M.000");
    Files.write(copying, java.util.Arrays.copyOf(cell, cell.length / 2));
    Files.setLastModifiedTime(copying, FileTime.fromMillis(now - 2_000));

    InputScan scan = new InputScanner(input, HOUR, 1_000).scan();

    assertEquals(1, scan.cells().size(), "the whole cell is taken after 1 s, the half-copied one is not");
    assertEquals("US5WA22M", scan.cells().getFirst().chartId());
    assertEquals(OptionalLong.of(now - 2_000 + HOUR), scan.nextSettledAt(), "the half-copied one waits the full hour");
  }

  @Test
  void aWholeFileModifiedJustNowIsWaitedForOnlyTheShortPeriod() throws Exception {
    long now = System.currentTimeMillis();
    Path whole = input.resolve("US5WA22M.000");
    Files.copy(SharedData.s57().resolve("US5WA22M/US5WA22M.000"), whole);
    Files.setLastModifiedTime(whole, FileTime.fromMillis(now + 60_000)); // not settled for another minute

    InputScan scan = new InputScanner(input, HOUR, 1_000).scan();

    assertTrue(scan.cells().isEmpty());
    assertEquals(OptionalLong.of(now + 60_000 + 1_000), scan.nextSettledAt());
  }

  private static void touch(Path file, long modifiedMillis) throws Exception {
    Files.writeString(file, "not read here");
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
  }
}
