package io.chartstream.app.progress;

import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.InputScan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a run observes into {@link Progress} reports and prints them: a line every 5 s on a
 * terminal, a JSON object every second with {@code --json-progress}, nothing with {@code --quiet}.
 * The ETA is estimated over the input scanned at start (its cells' sizes); charts copied in later
 * count in charts and features but not in the ETA.
 */
public final class ProgressReporter {
  private final boolean quiet;
  private final boolean json;
  private final PrintStream out;
  private final Map<String, Long> chartBytes;
  private final long bytesKnown;
  private final EtaEstimator eta = new EtaEstimator(15);
  private long nextReportMillis;

  public ProgressReporter(boolean quiet, boolean json, InputScan atStart, PrintStream out) {
    this.quiet = quiet;
    this.json = json;
    this.out = out;
    this.chartBytes = chartBytes(atStart);
    this.bytesKnown = chartBytes.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Bytes of each chart's files (base cell and updates) in a scan. */
  static Map<String, Long> chartBytes(InputScan scan) {
    Map<String, Long> bytes = new HashMap<>();
    for (CellFiles cell : scan.cells()) {
      long size = size(cell.base());
      for (Path update : cell.updates()) {
        size += size(update);
      }
      bytes.put(cell.chartId(), size);
    }
    return bytes;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // vanished since the scan: ingest reports it
    }
  }

  /** Builds the report of this moment and prints it when one is due. */
  public Progress observe(IngestWatcher ingest, long topologyLag, long tileRecords, DbvPosition dbv, Set<Long> rclsExpected,
                          boolean sinkCaughtUp, boolean settled) {
    Set<String> ingested = ingest.chartsIngested();
    long bytesIngested = ingested.stream().mapToLong(c -> chartBytes.getOrDefault(c, 0L)).sum();
    eta.add(new EtaEstimator.Sample(System.nanoTime(), ingest.features(), bytesIngested, bytesKnown, topologyLag));
    Progress progress = new Progress(ingested.size(), ingest.chartsKnown(), ingest.features(), eta.featuresPerSecond(),
        ingest.errors(), topologyLag, tileRecords, rclsExpected == null ? dbv.tiles() : dbv.finishedOf(rclsExpected),
        rclsExpected == null ? null : (long) rclsExpected.size(), sinkCaughtUp, settled,
        settled ? Double.valueOf(0) : eta.etaSeconds());
    if (!quiet && System.currentTimeMillis() >= nextReportMillis) {
      out.println(json ? progress.json() : progress.text());
      nextReportMillis = System.currentTimeMillis() + (json ? 1000 : 5000);
    }
    return progress;
  }
}
