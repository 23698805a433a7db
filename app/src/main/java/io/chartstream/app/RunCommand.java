package io.chartstream.app;

import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.embedded.EmbeddedPlatform;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.app.embedded.TopologyLag;
import io.chartstream.app.ops.RunOperations;
import io.chartstream.app.progress.DbvPosition;
import io.chartstream.app.progress.ProgressReporter;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.s3.PublishedSnapshot;
import io.chartstream.dbv.s3.S3PublishException;
import io.chartstream.dbv.sink.DbvSink;
import io.chartstream.dbv.sink.DbvSinkConfig;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.s3.S3MirrorException;
import io.chartstream.schema.Topics;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
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
    Files.createDirectories(workDir);
    Path absoluteDbv = dbv.toAbsolutePath();
    DbvPublication publication;
    try {
      publication = publish.publication(absoluteDbv, s3);
    } catch (IllegalArgumentException e) {
      System.err.println("chartstream run: --publish: " + e.getMessage());
      return 2;
    }
    Deque<AutoCloseable> started = new ArrayDeque<>();
    ShutdownSignal signal = ShutdownSignal.install();
    try {
      EmbeddedPlatform platform = EmbeddedPlatform.start(workDir);
      started.push(platform);
      String bootstrap = platform.bootstrapServers();
      String registryUrl = platform.schemaRegistryUrl();
      InputScan atStart;
      try {
        atStart = chartInput.scan(s3, workDir);
      } catch (S3MirrorException e) {
        System.err.println("chartstream run: " + e.getMessage());
        return 2;
      }
      Map<String, String> connectorSettings = new HashMap<>(EmbeddedIngest.PROMPT_WATCH);
      connectorSettings.putAll(chartInput.connectorSettings(s3, workDir));
      EmbeddedIngest ingest = EmbeddedIngest.start(bootstrap, registryUrl, chartInput.connectorInput(), workDir, 4, 2,
          connectorSettings);
      started.push(ingest);
      EmbeddedTopology.evictMembersOfStoppedRuns(bootstrap); // this process alone holds the embedded broker
      EmbeddedTopology topology = EmbeddedTopology.start(bootstrap, registryUrl, workDir,
          EmbeddedTopology.promptEmission(settings.toConfig()), 1, (short) 1, 0, EmbeddedTopology.PROMPT_STREAMS);
      started.push(topology);
      DbvSink sink = new DbvSink(DbvSinkConfig.of(bootstrap, registryUrl, absoluteDbv, settings.dbvMetadata()));
      Thread sinkThread = Thread.ofPlatform().name("dbv-sink").start(sink);
      started.push(() -> {
        sink.close();
        sinkThread.join(30_000);
      });
      RunOperations ops = RunOperations.start(http.endpoint(), workDir, chartInput.localDir(workDir), absoluteDbv, bootstrap, registryUrl, ingest, topology, sink);
      started.push(ops);
      if (!quiet && !jsonProgress) {
        System.out.printf("chartstream run: %d charts in %s -> %s (broker %s, registry %s)%n",
            atStart.cells().size(), input, absoluteDbv, bootstrap, registryUrl);
        System.out.println("chartstream run: operator page and /metrics at " + ops.url());
      }
      int status = follow(bootstrap, registryUrl, atStart, absoluteDbv, topology, signal, publication);
      if (!quiet && !jsonProgress) {
        System.out.printf("%nThe dbv is %s. Look at it with:%n  ./chartstream inspect %s%n"
          + "  ./chartstream render %s --rcl LEVEL/ROW/COL -o tile.png%n", absoluteDbv, absoluteDbv, absoluteDbv);
      }
      return status;
    } finally {
      while (!started.isEmpty()) {
        started.pop().close();
      }
      signal.closed();
    }
  }

  /** Reports progress until stopped, or with {@code --once} until the dbv holds everything. */
  private int follow(String bootstrap, String registryUrl, InputScan atStart, Path dbvFile, EmbeddedTopology topology,
                     ShutdownSignal signal, DbvPublication publication) throws Exception {
    List<String> topologyInputs = List.of(Topics.S57_FEATURES, Topics.CHARTS_CATALOG,
        EmbeddedTopology.APPLICATION_ID + "-rcl-events-repartition");
    long quietSince = System.nanoTime();
    ProgressReporter reporter = new ProgressReporter(quiet, jsonProgress, atStart, System.out);
    try (SchemaRegistryClient registry = RestSchemaRegistryClient.fromUrl(registryUrl);
         IngestWatcher ingest = new IngestWatcher(bootstrap, registry, atStart);
         Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      while (!signal.isRequested()) {
        boolean ingested = ingest.poll(Duration.ofMillis(500));
        long lag = TopologyLag.of(admin, EmbeddedTopology.APPLICATION_ID, topologyInputs);
        Map<TopicPartition, Long> tileEnds = TopologyLag.endOffsets(admin, Topics.RCL_TILES);
        DbvPosition stored = DbvPosition.read(dbvFile);
        boolean sunk = stored != DbvPosition.EMPTY && stored.reached(tileEnds);
        if (!(ingested && lag == 0 && sunk)) {
          quietSince = System.nanoTime();
        }
        if (publication != null && !once) {
          publication.onProgress(ingested && lag == 0 && sunk);
        }
        // Settled: all ingested, the topology has read everything, its emission pass has run
        // (every 250 ms) and the sink has stored every tile since.
        boolean settled = System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos();
        long tiles = tileEnds.values().stream().mapToLong(Long::longValue).sum();
        reporter.observe(ingest, lag, tiles, stored, topology.expectedRcls(), sunk, settled);
        if (once && settled) {
          if (!quiet) {
            try (DbvReader reader = DbvReader.open(dbvFile)) {
              System.out.printf("run: done: %d charts, %d tiles by level %s%n", ingest.chartsIngested().size(),
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
          if (ingest.chartsEnded() == ingest.chartsExpected()) {
            return 0;
          }
          System.out.println("run: charts not in the dbv: " + ingest.chartsNotEnded());
          ingest.deadLetters().forEach(d -> System.out.println("  dead letter: " + d));
          return 1;
        }
      }
      return 0;
    }
  }
}
