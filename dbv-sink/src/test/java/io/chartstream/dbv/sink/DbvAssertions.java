package io.chartstream.dbv.sink;

import io.chartstream.dbv.SourcePartition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartstream.dbv.DbvChart;
import io.chartstream.dbv.DbvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Waiting for a sink to catch up, and comparing two dbvs by content. */
final class DbvAssertions {
  private DbvAssertions() {}

  /** Waits until the dbv's stored offsets reach {@code end}, reading it beside the running writer. */
  static void awaitOffsets(Path dbv, Map<SourcePartition, Long> end, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    Map<SourcePartition, Long> stored = Map.of();
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(dbv)) {
        try (DbvReader reader = DbvReader.open(dbv)) {
          stored = reader.storedOffsets();
          if (stored.equals(end)) {
            return;
          }
        } catch (RuntimeException e) {
          // The file may be being created; try again.
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("sink did not catch up: stored " + stored + ", end " + end);
  }

  /** The charts table as comparable text (records with byte[] compare arrays by identity). */
  static List<String> chartRows(DbvReader reader) {
    return reader.charts().stream().map(DbvAssertions::row).toList();
  }

  private static String row(DbvChart c) {
    return String.join("|", c.chartId(), c.revision(), String.valueOf(c.edition()), String.valueOf(c.updateNumber()),
        String.valueOf(c.updateApplicationDate()), String.valueOf(c.issueDate()),
        String.valueOf(c.compilationScale()), String.valueOf(c.usageBand()), c.source(), c.file(),
        c.coverage() == null ? "null" : HexFormat.of().formatHex(c.coverage()));
  }

  /** Same tiles (RCL, sequence, hash, counts, charts), charts and offsets. */
  static void assertSameContent(Path expected, Path actual) {
    try (DbvReader a = DbvReader.open(expected); DbvReader b = DbvReader.open(actual)) {
      assertEquals(a.tileSummaries(), b.tileSummaries());
      assertEquals(chartRows(a), chartRows(b));
      assertEquals(a.storedOffsets(), b.storedOffsets());
      assertEquals(a.metadata(), b.metadata());
    }
  }
}
