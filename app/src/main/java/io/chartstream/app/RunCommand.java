package io.chartstream.app;

import io.chartstream.app.ops.ProductionMonitor;
import io.chartstream.app.ops.ProductionSnapshot;
import io.chartstream.app.progress.ProgressReporter;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.s3.PublishedSnapshot;
import io.chartstream.dbv.s3.S3PublishException;
import io.chartstream.s3.S3MirrorException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartstream run}: the whole production in one JVM on the embedded default: broker,
 * registry, Connect worker with the ingest connector, the topology and the dbv sink.
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

  @Option(names = "--once", description = "Exit once every chart of the input is in the dbv (exit 1 if any chart failed).")
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
    Production.Builder builder = Production.builder().workDir(workDir).input(chartInput, s3)
        .dbv(absoluteDbv, settings.dbvMetadata()).topology(settings.toConfig()).http(http.endpoint());
    try (Production production = builder.start()) {
      if (!quiet && !jsonProgress) {
        System.out.printf("chartstream run: %d charts in %s -> %s (broker %s, registry %s)%n",
            production.atStart().cells().size(), input, absoluteDbv, production.platform().bootstrapServers(),
            production.platform().schemaRegistryUrl());
        System.out.println("chartstream run: operator page and /metrics at " + production.operations().url());
      }
      int status = follow(production, absoluteDbv, signal, publication);
      if (!quiet && !jsonProgress) {
        System.out.printf("%nThe dbv is %s. Look at it with:%n  ./chartstream inspect %s%n"
          + "  ./chartstream render %s --rcl LEVEL/ROW/COL -o tile.png%n", absoluteDbv, absoluteDbv, absoluteDbv);
      }
      return status;
    } catch (S3MirrorException e) {
      System.err.println("chartstream run: " + e.getMessage());
      return 2;
    } finally {
      signal.closed();
    }
  }

  /**
   * Reports progress from the production's one monitor until stopped, or with {@code --once}
   * until the monitor says the production is done ({@link io.chartstream.app.progress.Completion}).
   */
  private int follow(Production production, Path dbvFile, ShutdownSignal signal, DbvPublication publication) throws Exception {
    ProductionMonitor monitor = production.operations().monitor();
    ProgressReporter reporter = new ProgressReporter(quiet, jsonProgress, production.atStart(), System.out);
    long seen = -1;
    while (!signal.isRequested()) {
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
      if (once && snapshot.done()) {
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
            return 1;
          }
        }
        if (snapshot.chartsNotEnded().isEmpty()) {
          return 0;
        }
        System.out.println("run: charts not in the dbv: " + snapshot.chartsNotEnded());
        snapshot.deadLetters().forEach(d -> System.out.println("  dead letter: " + d.file() + " [" + d.stage() + "] "
            + d.code() + ": " + d.reason()));
        return 1;
      }
    }
    return 0;
  }
}
