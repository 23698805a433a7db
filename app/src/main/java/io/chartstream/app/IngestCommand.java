package io.chartstream.app;

import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.embedded.EmbeddedPlatform;
import io.chartstream.app.ops.OpsMetrics;
import io.chartstream.app.web.OpsServer;
import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.ingest.s57.FileStamp;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.s3.S3MirrorException;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartstream ingest}: S-57 cells from a directory onto Kafka through the ingest connector
 * in an in-process Connect worker, against the embedded broker (default) or a cluster.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read S-57 exchange sets and cells from a directory onto Kafka (charts.catalog, s57.features, s57.ingest.errors).")
final class IngestCommand implements Callable<Integer> {
  private static final Logger LOGGER = LoggerFactory.getLogger(IngestCommand.class);

  @Option(names = "--input", required = true, description = "Directory or s3://bucket/prefix of exchange sets and S-57 cells (watched for new files).")
  String input;

  @Mixin
  S3Options s3 = new S3Options();

  @Option(names = "--work-dir", defaultValue = ".chartstream", description = "Where the embedded broker, registry and Connect offsets keep their data (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--bootstrap-servers", description = "A Kafka cluster to use instead of the embedded broker.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", description = "A Confluent-compatible schema registry; default: an embedded one persisted in the cluster's _schemas topic.")
  String schemaRegistryUrl;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions of topics created here (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--tasks", defaultValue = "2", description = "Connector tasks reading cells in parallel (default: ${DEFAULT-VALUE}).")
  int tasks;

  @Option(names = "--once", description = "Exit once every chart found in the input at start is on Kafka (or reported failed); exit 1 if any failed.")
  boolean once;

  @picocli.CommandLine.Mixin
  HttpSettings http = new HttpSettings();

  @Override
  public Integer call() throws Exception {
    ChartInput chartInput = new ChartInput(input);
    if (chartInput.problem() != null) {
      System.err.println("chartstream ingest: " + chartInput.problem());
      return 2;
    }
    Files.createDirectories(workDir);
    Deque<AutoCloseable> started = new ArrayDeque<>();
    ShutdownSignal signal = ShutdownSignal.install();
    try {
      String bootstrap = bootstrapServers;
      String registryUrl = schemaRegistryUrl;
      if (bootstrap == null) {
        EmbeddedPlatform platform = EmbeddedPlatform.start(workDir);
        started.push(platform);
        bootstrap = platform.bootstrapServers();
        registryUrl = registryUrl == null ? platform.schemaRegistryUrl() : registryUrl;
      } else if (registryUrl == null) {
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrap, 0);
        started.push(registry);
        registryUrl = registry.url();
      }
      InputScan atStart;
      try {
        atStart = chartInput.scan(s3, workDir);
      } catch (S3MirrorException e) {
        System.err.println("chartstream ingest: " + e.getMessage());
        return 2;
      }
      started.push(EmbeddedIngest.start(bootstrap, registryUrl, chartInput.connectorInput(), workDir, partitions, tasks,
          chartInput.connectorSettings(s3, workDir)));
      OpsMetrics metrics = new OpsMetrics().bindConnectWorker();
      started.push(metrics);
      started.push(OpsServer.metrics(http.endpoint().address(), http.endpoint().anyPortIfTaken(), metrics));
      LOGGER.info("Ingesting {} ({} charts, {} files with problems at start) into {}", input,
          atStart.cells().size(), atStart.problems().size(), bootstrap);
      return follow(bootstrap, registryUrl, atStart, signal);
    } finally {
      while (!started.isEmpty()) {
        started.pop().close();
      }
      signal.closed();
    }
  }

  private static long inputBytes(InputScan scan) {
    return scan.cells().stream().flatMap(c -> c.stamps().stream()).mapToLong(FileStamp::size).sum();
  }

  private int follow(String bootstrap, String registryUrl, InputScan atStart, ShutdownSignal signal) {
    try (SchemaRegistryClient registry = RestSchemaRegistryClient.fromUrl(registryUrl);
         IngestWatcher watcher = new IngestWatcher(bootstrap, registry, atStart)) {
      long nextReport = 0;
      long startNanos = System.nanoTime();
      while (!signal.isRequested()) {
        boolean complete = watcher.poll(Duration.ofMillis(500));
        if (System.currentTimeMillis() >= nextReport || (complete && once)) {
          System.out.printf("ingest: charts %d/%d, features %d, errors %d%n",
              watcher.chartsEnded(), watcher.chartsExpected(), watcher.features(), watcher.errors());
          nextReport = System.currentTimeMillis() + 5000;
        }
        if (complete && once) {
          double seconds = (System.nanoTime() - startNanos) / 1e9;
          double megabytes = inputBytes(atStart) / 1e6;
          System.out.printf(java.util.Locale.ROOT, "ingest: %d charts, %d features, %.1f MB of S-57 in %.2f s since the connector started"
                  + " (%.0f features/s, %.2f MB/s), %d dead letters%n", watcher.chartsEnded(), watcher.features(), megabytes,
              seconds, watcher.features() / seconds, megabytes / seconds, watcher.errors());
          return watcher.chartsEnded() == watcher.chartsExpected() ? 0 : 1;
        }
      }
      return 0;
    } catch (Exception e) {
      throw new IllegalStateException("Following ingest failed: " + e.getMessage(), e);
    }
  }
}
