package io.chartstream.ingest.connect;

/**
 * When the input is scanned again, bounded by what the last scan cost. A scan walks the whole
 * input tree and stats every file: microseconds for ten cells, but for a delivery of thousands of
 * cells it takes long enough that a fixed 250 ms fallback interval kept two ingest tasks busy
 * scanning an input that had not changed (measured on a 1,000-cell delivery: 21 CPU-minutes per
 * task, more than the topology's stream thread). So the fallback scan, which only catches what a
 * watch missed, waits at least {@value #IDLE_FACTOR} times the last scan's duration (at most about
 * 1 % of a core), and a scan started by a change, or by a file settling, at least
 * {@value #CHANGE_FACTOR} times (about 10 %): prompt on small inputs, bounded on large ones.
 * Not thread-safe: one task's poll loop.
 */
final class ScanPacing {
  static final int IDLE_FACTOR = 100;
  static final int CHANGE_FACTOR = 10;

  private final long intervalMillis;
  private long lastScanEndMillis;
  private long lastScanMillis;

  /** @param intervalMillis the configured fallback interval ({@code scan.interval.ms}), the least wait when idle */
  ScanPacing(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  /** Records a scan that started at {@code startMillis} and ended at {@code endMillis}. */
  void scanned(long startMillis, long endMillis) {
    lastScanEndMillis = endMillis;
    lastScanMillis = Math.max(0, endMillis - startMillis);
  }

  /** When the next scan is due with no sign of a change. */
  long nextIdleScan() {
    return lastScanEndMillis + Math.max(intervalMillis, IDLE_FACTOR * lastScanMillis);
  }

  /** The earliest a change (a watch event, a file settling at {@code atMillis}) may start a scan. */
  long earliestForChange(long atMillis) {
    return Math.max(atMillis, lastScanEndMillis + CHANGE_FACTOR * lastScanMillis);
  }
}
