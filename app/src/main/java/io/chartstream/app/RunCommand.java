package io.chartstream.app;

import io.chartstream.app.embedded.ChartReleases;
import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.embedded.EmbeddedPlatform;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.app.embedded.TopologyLag;
import io.chartstream.app.ops.MissingCharts;
import io.chartstream.app.ops.RunOperations;
import io.chartstream.app.ops.StageSupervisor;
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
import java.util.Optional;
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
    Files.createDirectories(workDir);
    Path absoluteDbv = dbv.toAbsolutePath();
    DbvPublication publication;
    try {
      publication = publish.publication(absoluteDbv, s3);
    } catch (IllegalArgumentException e) {
      System.err.println("chartstream run: --publish: " + e.getMessage());
      return 2;
    }
    Deque<Stage> started = new ArrayDeque<>();
    ShutdownSignal signal = ShutdownSignal.install();
    reportHalts();
    int status = DONE;
    try {
      EmbeddedPlatform platform = EmbeddedPlatform.start(workDir);
      started.push(new Stage("the broker and registry", timeout -> platform.close()));
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
      started.push(new Stage("ingest (the Connect worker)", timeout -> ingest.close()));
      EmbeddedTopology.evictMembersOfStoppedRuns(bootstrap); // this process alone holds the embedded broker
      EmbeddedTopology topology = EmbeddedTopology.start(bootstrap, registryUrl, workDir,
          EmbeddedTopology.promptEmission(settings.toConfig()), 1, (short) 1, 0, EmbeddedTopology.PROMPT_STREAMS);
      started.push(new Stage("the topology", topology::close));
      DbvSink sink = new DbvSink(DbvSinkConfig.of(bootstrap, registryUrl, absoluteDbv, settings.dbvMetadata()));
      SinkThread sinkThread = new SinkThread(sink);
      started.push(new Stage("the dbv sink", sinkThread::close));
      RunOperations ops = RunOperations.start(http.endpoint(), workDir, chartInput.localDir(workDir), absoluteDbv, bootstrap,
          registryUrl, ingest, topology, sink, once ? null : releaseMissingAfter);
      started.push(new Stage("the operator page and monitor", timeout -> ops.close()));
      StageSupervisor stages = new StageSupervisor()
          .watch("dbv sink", sinkThread::failure)
          .watch("topology", topology::failure)
          .watch("ingest", ingest::failure);
      if (!quiet && !jsonProgress) {
        System.out.printf("chartstream run: %d charts in %s -> %s (broker %s, registry %s)%n",
            atStart.cells().size(), input, absoluteDbv, bootstrap, registryUrl);
        System.out.println("chartstream run: operator page and /metrics at " + ops.url());
      }
      try (ChartReleases releases = new ChartReleases(bootstrap, topology.registry())) {
        MissingCharts missing = new MissingCharts(chartInput.localDir(workDir), topology::catalogRcls, releases, null);
        status = follow(bootstrap, registryUrl, atStart, absoluteDbv, topology, signal, publication, stages, missing);
      }
      if (status == STAGE_DIED) {
        return status;
      }
      if (!quiet && !jsonProgress) {
        describeDbv(absoluteDbv, signal.isRequested());
      }
      return status;
    } finally {
      while (!started.isEmpty()) {
        Stage stage = started.pop();
        signal.closing(stage.name());
        try {
          stage.closer().close(signal.remaining());
        } catch (Exception e) {
          System.err.println("chartstream run: closing " + stage.name() + " failed: " + e);
        }
      }
      signal.closed();
    }
  }

  /** A started stage and how to close it within a time. */
  private record Stage(String name, Closer closer) {}

  @FunctionalInterface
  private interface Closer {
    void close(Duration timeout) throws Exception;
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
   * Reports progress until stopped, or with {@code --once} until the dbv holds everything: then
   * the charts a catalogue promised that never came are released (their RCLs are produced
   * without them), and named.
   */
  private int follow(String bootstrap, String registryUrl, InputScan atStart, Path dbvFile, EmbeddedTopology topology,
                     ShutdownSignal signal, DbvPublication publication, StageSupervisor stages, MissingCharts missing)
      throws Exception {
    List<String> topologyInputs = List.of(Topics.S57_FEATURES, Topics.CHARTS_CATALOG,
        EmbeddedTopology.APPLICATION_ID + "-rcl-events-repartition");
    long quietSince = System.nanoTime();
    List<String> neverCame = null;
    ProgressReporter reporter = new ProgressReporter(quiet, jsonProgress, atStart, System.out);
    try (SchemaRegistryClient registry = RestSchemaRegistryClient.fromUrl(registryUrl);
         IngestWatcher ingest = new IngestWatcher(bootstrap, registry, atStart);
         Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      while (!signal.isRequested()) {
        Optional<String> died = stages.firstFailure();
        if (died.isPresent()) {
          System.err.println("chartstream run: " + died.get() + "; stopping (the next run on this work dir resumes)");
          return STAGE_DIED;
        }
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
        if (once && settled && neverCame == null) {
          // Everything readable is in. Charts a catalogue promised that never came hold their
          // RCLs back: release them, and finish once the topology and the sink have caught up.
          neverCame = missing.releaseAll(ingest, "run --once: ingest finished without it");
          if (!neverCame.isEmpty()) {
            quietSince = System.nanoTime();
            continue;
          }
        }
        if (once && settled) {
          return finish(ingest, dbvFile, publication, neverCame);
        }
      }
      return DONE;
    }
  }

  private int finish(IngestWatcher ingest, Path dbvFile, DbvPublication publication, List<String> neverCame) throws Exception {
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
        return CHARTS_MISSING;
      }
    }
    int status = DONE;
    if (!neverCame.isEmpty()) {
      System.out.println("run: charts the catalogue promised that never came (their RCLs were produced without them): "
          + String.join("; ", neverCame));
      status = CHARTS_MISSING;
    }
    if (ingest.chartsEnded() != ingest.chartsExpected()) {
      System.out.println("run: charts not in the dbv: " + ingest.chartsNotEnded());
      status = CHARTS_MISSING;
    }
    if (status != DONE) {
      ingest.deadLetters().forEach(d -> System.out.println("  dead letter: " + d));
    }
    return status;
  }
}
