package io.chartstream.app;

import io.chartstream.app.ops.ProductionMonitor;
import io.chartstream.app.ops.ProductionSnapshot;
import io.chartstream.app.progress.ProgressReporter;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.s3.PublishedSnapshot;
import io.chartstream.dbv.s3.S3PublishException;
import io.chartstream.s3.S3MirrorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartstream run}: the whole production in one JVM on the embedded default: broker,
 * registry, Connect worker with the ingest connector, the topology and the dbv sink, assembled
 * by {@link Production} and followed through its one monitor.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Produce a dbv from S-57 cells in one process: ingest, topology and sink on an embedded broker.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, description = "Directory or s3://bucket/prefix of exchange sets and S-57 cells (watched for new files).")
  String input;

  @Option(names = "--dbv", defaultValue = "chart.dbv", description = "The chart database to write (default: ${DEFAULT-VALUE}).")
  Path dbv;

  @Option(names = "--work-dir", defaultValue = ".chartstream", description = "Broker, registry, offsets and state stores (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--once", description = "Exit once everything readable is in the dbv: 0 when every chart is, 1 when a chart"
      + " failed or a catalogue promised one that never came (named; the RCLs waiting for it are produced without it),"
      + " 4 when a stage died.")
  boolean once;

  @Option(names = "--quiet", description = "No progress lines.")
  boolean quiet;

  @Option(names = "--json-progress", description = "Progress as one JSON object per line, for machines.")
  boolean jsonProgress;

  @Mixin
  PublishOptions publish = new PublishOptions();

  @Mixin
  TopologySettings settings = new TopologySettings();

  @Mixin
  S3Options s3 = new S3Options();

  @Mixin
  HttpSettings http = new HttpSettings();

  @Option(names = "--release-missing-after", defaultValue = "10m", converter = DurationConverter.class,
      description = "Without --once: how long a chart an exchange set's CATALOG.031 promised is waited for once ingest has"
          + " read everything else, before the RCLs waiting for it are produced without it (e.g. 90s, 10m, 2h; default: ${DEFAULT-VALUE})."
          + " The operator page releases one at once.")
  Duration releaseMissingAfter;

  @Option(names = "--stall-after", defaultValue = "20m", converter = DurationConverter.class,
      description = "How long the topology or the dbv sink may have records to read without its committed position moving"
          + " (restoring stores does not count) before the run names it and ends with status 4, as when a stage dies;"
          + " 0 never (default: ${DEFAULT-VALUE}).")
  Duration stallAfter;

  /** Exit status: every chart of the input is in the dbv. */
  static final int DONE = 0;
  /** Exit status: some charts failed, or a catalogue promised charts that never came (named on stdout). */
  static final int CHARTS_MISSING = 1;
  /** Exit status: a stage (sink, topology, ingest, broker) died; named on stderr. */
  static final int STAGE_DIED = 4;

  @Override
  public Integer call() throws Exception {
    ChartInput chartInput = new ChartInput(input);
    if (chartInput.problem() != null) {
      System.err.println("chartstream run: " + chartInput.problem());
      return 2;
    }
    Path absoluteDbv = dbv.toAbsolutePath();
    DbvPublication publication;
    try {
      publication = publish.publication(absoluteDbv, s3);
    } catch (IllegalArgumentException e) {
      System.err.println("chartstream run: --publish: " + e.getMessage());
      return 2;
    }
    ShutdownSignal signal = ShutdownSignal.install();
    reportHalts();
    Production.Builder builder = Production.builder().workDir(workDir).input(chartInput, s3)
        .dbv(absoluteDbv, settings.dbvMetadata()).topology(settings.toConfig()).http(http.endpoint())
        .releaseMissingAfter(once ? null : releaseMissingAfter).stallAfter(stallAfter);
    Production production = null;
    try {
      production = builder.start();
      if (!quiet && !jsonProgress) {
        System.out.printf("chartstream run: %d charts in %s -> %s (broker %s, registry %s)%n",
            production.atStart().cells().size(), input, absoluteDbv, production.platform().bootstrapServers(),
            production.platform().schemaRegistryUrl());
        System.out.println("chartstream run: operator page and /metrics at " + production.operations().url());
      }
      int status = follow(production, absoluteDbv, signal, publication);
      if (status != STAGE_DIED && !quiet && !jsonProgress) {
        describeDbv(absoluteDbv, signal.isRequested());
      }
      return status;
    } catch (S3MirrorException e) {
      System.err.println("chartstream run: " + e.getMessage());
      return 2;
    } finally {
      if (production != null) {
        production.stop(signal);
      }
      signal.closed();
    }
  }

  /**
   * The embedded broker halts the JVM when it cannot go on (all its log dirs failed, e.g. a full
   * disk): say so first, so the run names what stopped it.
   */
  private static void reportHalts() {
    org.apache.kafka.common.utils.Exit.setHaltProcedure((code, message) -> {
      System.err.println("chartstream run: the embedded broker stopped the process (" + code + "): "
          + (message == null ? "see the log" : message));
      System.err.flush();
      Runtime.getRuntime().halt(code == 0 ? STAGE_DIED : code);
    });
  }

  /** What the dbv holds after the run: never a claim that a dbv was made when nothing was stored. */
  private static void describeDbv(Path dbvFile, boolean stopped) {
    long tiles = 0;
    int charts = 0;
    if (Files.exists(dbvFile)) {
      try (DbvReader reader = DbvReader.open(dbvFile)) {
        tiles = reader.tileCountsByLevel().values().stream().mapToLong(Long::longValue).sum();
        charts = (int) reader.charts().stream().filter(c -> !c.revision().isEmpty()).map(c -> c.chartId()).distinct().count();
      } catch (RuntimeException e) {
        tiles = 0;
      }
    }
    if (tiles == 0) {
      System.out.printf("%nNo tile reached %s%s: no dbv was made.%n", dbvFile, stopped ? " before the stop" : "");
      return;
    }
    System.out.printf("%n%s %s holds %d tiles of %d charts. Look at it with:%n  ./chartstream inspect %s%n"
        + "  ./chartstream render %s --rcl LEVEL/ROW/COL -o tile.png%n", stopped ? "Stopped; the dbv so far," : "The dbv",
        dbvFile, tiles, charts, dbvFile, dbvFile);
  }

  /**
   * Reports progress from the production's one monitor until stopped, or with {@code --once}
   * until the monitor says the production is done ({@link io.chartstream.app.progress.Completion}):
   * then the charts a catalogue promised that never came are released (their RCLs are produced
   * without them) and named, and the run ends once it is done again.
   */
  private int follow(Production production, Path dbvFile, ShutdownSignal signal, DbvPublication publication) throws Exception {
    ProductionMonitor monitor = production.operations().monitor();
    ProgressReporter reporter = new ProgressReporter(quiet, jsonProgress, production.atStart(), System.out);
    long seen = -1;
    List<String> neverCame = null;
    long releasedAtMillis = 0;
    while (!signal.isRequested()) {
      Optional<String> died = production.supervisor().firstFailure();
      if (died.isPresent()) {
        System.err.println("chartstream run: " + died.get() + "; stopping (the next run on this work dir resumes)");
        return STAGE_DIED;
      }
      Thread.sleep(250);
      ProductionSnapshot snapshot = monitor.latest();
      if (snapshot.epochMillis() == seen) {
        continue; // no new sample yet
      }
      seen = snapshot.epochMillis();
      if (publication != null && !once) {
        publication.onProgress(snapshot.caughtUp());
      }
      reporter.observe(snapshot, production.topology().expectedRcls());
      if (!once || !snapshot.done() || snapshot.epochMillis() < releasedAtMillis) {
        continue;
      }
      if (neverCame == null) {
        // Everything readable is in. Charts a catalogue promised that never came hold their
        // RCLs back: release them, and finish once the topology and the sink have caught up.
        neverCame = monitor.releaseMissing("run --once: ingest finished without it").get();
        releasedAtMillis = System.currentTimeMillis();
        if (!neverCame.isEmpty()) {
          continue;
        }
      }
      return finish(snapshot, dbvFile, publication, neverCame);
    }
    return DONE;
  }

  private int finish(ProductionSnapshot snapshot, Path dbvFile, DbvPublication publication, List<String> neverCame) throws Exception {
    if (!quiet) {
      try (DbvReader reader = DbvReader.open(dbvFile)) {
        System.out.printf("run: done: %d charts, %d tiles by level %s%n", snapshot.ingestedChartIds().size(),
            reader.tileCountsByLevel().values().stream().mapToLong(Long::longValue).sum(), reader.tileCountsByLevel());
      }
    }
    if (publication != null) {
      try {
        PublishedSnapshot published = publication.publishNow();
        if (!quiet) {
          System.out.printf("run: published %s (%d bytes)%n", published.location(), published.size());
        }
      } catch (S3PublishException e) {
        System.out.println("run: " + e.getMessage());
        return CHARTS_MISSING;
      }
    }
    int status = DONE;
    if (!neverCame.isEmpty()) {
      System.out.println("run: charts the catalogue promised that never came (their RCLs were produced without them): "
          + String.join("; ", neverCame));
      status = CHARTS_MISSING;
    }
    if (!snapshot.chartsNotEnded().isEmpty()) {
      System.out.println("run: charts not in the dbv: " + snapshot.chartsNotEnded());
      status = CHARTS_MISSING;
    }
    if (status != DONE) {
      snapshot.deadLetters().forEach(d -> System.out.println("  dead letter: " + d.file() + " [" + d.stage() + "] "
          + d.code() + ": " + d.reason()));
    }
    return status;
  }
}
