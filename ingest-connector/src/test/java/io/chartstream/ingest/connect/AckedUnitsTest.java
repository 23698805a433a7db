package io.chartstream.ingest.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged units survive a restart, the newest value of a partition wins across tasks' files, and a line cut short by a crash is ignored. */
class AckedUnitsTest {
  @TempDir Path dir;

  @Test
  void whatWasRecordedIsReadBackAfterARestart() throws Exception {
    Map<String, String> chart = Map.of("chart", "US5WA22M");
    Map<String, String> file = Map.of("file", "odd\tname\\with\nbreaks.000");
    try (AckedUnits task0 = AckedUnits.open(dir, 0)) {
      task0.record(chart, "a.000:1:2");
      task0.record(file, "open_failed@x");
      task0.record(chart, "a.000:1:2|a.001:3:4");
    }
    try (AckedUnits task1 = AckedUnits.open(dir, 1)) {
      task1.record(Map.of("chart", "US4IL10M"), "b");
    }
    Files.writeString(dir.resolve("task-1.acked"), "99\tchart=US4IL10M", StandardOpenOption.APPEND); // cut short
    try (AckedUnits reopened = AckedUnits.open(dir, 0)) {
      assertEquals("a.000:1:2|a.001:3:4", reopened.done(chart));
      assertEquals("open_failed@x", reopened.done(file));
      assertEquals("b", reopened.done(Map.of("chart", "US4IL10M")));
      assertNull(reopened.done(Map.of("chart", "US1BS01M")));
      OffsetLedger ledger = new OffsetLedger(null, reopened);
      assertEquals("a.000:1:2|a.001:3:4", ledger.done(chart), "the ledger takes what was acknowledged");
    }
  }
}
