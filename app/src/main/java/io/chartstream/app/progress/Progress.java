package io.chartstream.app.progress;

import java.util.Locale;

/**
 * One progress report of a running production.
 *
 * @param chartsIngested charts whose current version is on s57.features
 * @param chartsKnown charts of the input scan plus any that started later
 * @param features source features read
 * @param featuresPerSecond features read per second, recently
 * @param deadLetters files or charts reported on s57.ingest.errors
 * @param topologyLag records the topology has yet to process; -1 while it starts
 * @param tileRecords records written to rcl.tiles (every emission, re-emissions included)
 * @param rclsFinished expected RCLs with a tile in the dbv (all tile rows while the expectation is unknown)
 * @param rclsExpected RCLs the catalogue's coverages reach, null while the topology cannot say; a
 *     production may add edge RCLs only the features' buffers reach, not counted here
 * @param sinkCaughtUp the dbv holds every tile written so far
 * @param settled everything read, processed and stored, and quiet for a few seconds
 * @param etaSeconds estimated seconds left, null while unknown
 */
public record Progress(int chartsIngested, int chartsKnown, long features, double featuresPerSecond, long deadLetters,
    long topologyLag, long tileRecords, long rclsFinished, Long rclsExpected, boolean sinkCaughtUp, boolean settled,
    Double etaSeconds) {

  /** One JSON object, one line; the field names are a stable interface for machines. */
  public String json() {
    return String.format(Locale.ROOT, "{\"chartsIngested\":%d,\"chartsKnown\":%d,\"features\":%d,\"featuresPerSecond\":%.1f,"
            + "\"deadLetters\":%d,\"topologyLag\":%d,\"tileRecords\":%d,\"rclsFinished\":%d,\"rclsExpected\":%s,"
            + "\"sinkCaughtUp\":%b,\"settled\":%b,\"eta\":%s}",
        chartsIngested, chartsKnown, features, featuresPerSecond, deadLetters, topologyLag, tileRecords, rclsFinished,
        rclsExpected == null ? "null" : rclsExpected.toString(), sinkCaughtUp, settled,
        etaSeconds == null ? "null" : String.format(Locale.ROOT, "%.1f", etaSeconds));
  }

  /** One line for a terminal. */
  public String text() {
    return String.format(Locale.ROOT, "run: charts %d/%d ingested, %d features (%.0f/s), %d dead letters, topology lag %s, "
            + "RCLs %d/%s in the dbv, tile records %d, ETA %s",
        chartsIngested, chartsKnown, features, featuresPerSecond, deadLetters,
        topologyLag < 0 ? "(starting)" : String.valueOf(topologyLag), rclsFinished,
        rclsExpected == null ? "?" : rclsExpected.toString(), tileRecords, eta());
  }

  private String eta() {
    if (settled) {
      return "done";
    }
    if (etaSeconds == null) {
      return "unknown";
    }
    long s = Math.round(etaSeconds);
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
