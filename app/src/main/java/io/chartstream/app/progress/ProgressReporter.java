package io.chartstream.app.progress;

import io.chartstream.app.ops.ProductionSnapshot;
import io.chartstream.schema.Topics;
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
 * Turns the production monitor's snapshots into {@link Progress} reports and prints them: a line every 5 s on a
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

  /**
   * Builds the report of the production monitor's latest snapshot and prints it when one is due.
   *
   * @param rclsExpected the RCLs the catalogue's coverages reach, null while the topology cannot say
   */
  public Progress observe(ProductionSnapshot snapshot, Set<Long> rclsExpected) {
    Set<String> ingested = snapshot.ingestedChartIds();
    long bytesIngested = ingested.stream().mapToLong(c -> chartBytes.getOrDefault(c, 0L)).sum();
    long topologyLag = snapshot.lags().isEmpty() ? -1 : snapshot.topologyLag();
    eta.add(new EtaEstimator.Sample(System.nanoTime(), snapshot.featuresIngested(), bytesIngested, bytesKnown, topologyLag));
    long deadLetters = snapshot.deadLetters().stream().filter(d -> d.topic().equals(Topics.INGEST_ERRORS)).count();
    long finished = rclsExpected == null ? snapshot.dbvRcls().size() : rclsExpected.stream().filter(snapshot.dbvRcls()::contains).count();
    boolean settled = snapshot.done();
    Progress progress = new Progress(ingested.size(), Math.max(snapshot.chartsKnown(), ingested.size()), snapshot.featuresIngested(),
        eta.featuresPerSecond(), deadLetters, topologyLag, snapshot.rclsFinished(), finished,
        rclsExpected == null ? null : (long) rclsExpected.size(), snapshot.sinkLag() == 0, settled,
        settled ? Double.valueOf(0) : eta.etaSeconds());
    if (!quiet && System.currentTimeMillis() >= nextReportMillis) {
      out.println(json ? progress.json() : progress.text());
      nextReportMillis = System.currentTimeMillis() + (json ? 1000 : 5000);
    }
    return progress;
  }
}
