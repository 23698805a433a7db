package io.chartstream.ingest.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Scans are paced by their own cost: a cheap scan keeps the configured promptness, an expensive
 * one (a large delivery) cannot take more than a bounded share of a core.
 */
class ScanPacingTest {
  @Test
  void aCheapScanKeepsTheConfiguredIntervalAndChangesAreTakenAtOnce() {
    ScanPacing pacing = new ScanPacing(250);
    pacing.scanned(10_000, 10_001); // 1 ms
    assertEquals(10_251, pacing.nextIdleScan());
    assertEquals(10_050, pacing.earliestForChange(10_050), "a change right after a cheap scan is scanned at once");
  }

  @Test
  void anExpensiveScanBoundsTheShareOfACoreSpentScanning() {
    ScanPacing pacing = new ScanPacing(250);
    pacing.scanned(10_000, 10_400); // 400 ms: a large input tree
    long idle = pacing.nextIdleScan() - 10_400;
    long afterChange = pacing.earliestForChange(10_400) - 10_400;
    assertTrue(400.0 / (idle + 400) <= 0.01 + 1e-9, "idle scanning at most 1 % of a core: waits " + idle + " ms");
    assertTrue(400.0 / (afterChange + 400) <= 0.1 + 1e-9, "scanning on changes at most 10 %: waits " + afterChange + " ms");
    assertEquals(20_000, pacing.earliestForChange(20_000), "a change long after the last scan is taken at once");
  }
}
