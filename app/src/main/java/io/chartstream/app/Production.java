package io.chartstream.app;

import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.embedded.EmbeddedPlatform;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.ops.RunOperations;
import io.chartstream.app.ops.HttpEndpoint;
import io.chartstream.dbv.DbvMetadata;
import io.chartstream.dbv.sink.DbvSink;
import io.chartstream.dbv.sink.DbvSinkConfig;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.topology.streams.TopologyConfig;
import io.chartstream.app.ops.ProductionMonitor;
import io.chartstream.app.ops.ProductionSnapshot;
import io.chartstream.app.ops.StageSupervisor;
import io.chartstream.app.ops.StallWatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A whole production in one JVM, as {@code run} starts it: the embedded broker and registry, the
 * Connect worker with the ingest connector, the topology, the dbv sink, and the operations side
 * (the one production monitor, metrics, the operator page), started in that order by
 * {@link Builder#start} and stopped in the reverse order by {@link #stop}, each within what is left
 * of a stop budget. A step that fails stops what the steps before it started. The
 * {@link #supervisor} names the stage that died on its own (sink, topology, ingest).
 */
final class Production {
  private final Deque<Stage> started;
  private final InputScan atStart;
  private final EmbeddedPlatform platform;
  private final EmbeddedTopology topology;
  private final RunOperations operations;
  private final StageSupervisor supervisor;

  private Production(Deque<Stage> started, InputScan atStart, EmbeddedPlatform platform, EmbeddedTopology topology,
                     RunOperations operations, StageSupervisor supervisor) {
    this.started = started;
    this.atStart = atStart;
    this.platform = platform;
    this.topology = topology;
    this.operations = operations;
    this.supervisor = supervisor;
  }

  /** A started stage and how to close it within a time. */
  record Stage(String name, Closer closer) {}

  @FunctionalInterface
  interface Closer {
    void close(Duration timeout) throws Exception;
  }

  /** Names what {@link #stop} is closing, and says how long it may take. */
  interface StopBudget {
    void closing(String stage);

    Duration remaining();
  }

  static Builder builder() {
    return new Builder();
  }

  /** The charts the input held when the production started. */
  InputScan atStart() {
    return atStart;
  }

  EmbeddedPlatform platform() {
    return platform;
  }

  EmbeddedTopology topology() {
    return topology;
  }

  /** The monitor, the operator page's address. */
  RunOperations operations() {
    return operations;
  }

  /** Watches the sink, the topology and the ingest: the first that stopped on its own, and why. */
  StageSupervisor supervisor() {
    return supervisor;
  }

  /**
   * Closes every stage in the reverse order of their start, each within what {@code budget} has
   * left; a stage that fails to close is named on stderr and the others are still closed.
   */
  void stop(StopBudget budget) {
    while (!started.isEmpty()) {
      Stage stage = started.pop();
      budget.closing(stage.name());
      try {
        stage.closer().close(budget.remaining());
      } catch (Exception e) {
        System.err.println("chartstream run: closing " + stage.name() + " failed: " + e);
      }
    }
  }

  /** What a production is made of. */
  static final class Builder {
    private Path workDir;
    private ChartInput input;
    private S3Options s3 = new S3Options();
    private Path dbv;
    private TopologyConfig topology;
    private DbvMetadata metadata;
    private HttpEndpoint http;
    private Duration releaseMissingAfter;
    private Duration stallAfter = Duration.ZERO;

    Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    Builder input(ChartInput chartInput, S3Options options) {
      this.input = chartInput;
      this.s3 = options;
      return this;
    }

    /** The dbv to write (absolute), and the metadata it is created with. */
    Builder dbv(Path file, DbvMetadata dbvMetadata) {
      this.dbv = file;
      this.metadata = dbvMetadata;
      return this;
    }

    Builder topology(TopologyConfig config) {
      this.topology = config;
      return this;
    }

    Builder http(HttpEndpoint endpoint) {
      this.http = endpoint;
      return this;
    }

    /**
     * How long a chart a catalogue promised is waited for once ingest is idle, before the RCLs
     * waiting for it are produced without it; null: only when asked ({@code run --once}, the operator).
     */
    Builder releaseMissingAfter(Duration grace) {
      this.releaseMissingAfter = grace;
      return this;
    }

    /** How long the topology or the sink may have records to read and not move before it counts as stopped; zero: never. */
    Builder stallAfter(Duration limit) {
      this.stallAfter = limit;
      return this;
    }

    /**
     * Starts every component in order.
     *
     * @throws io.chartstream.s3.S3MirrorException when an s3:// input cannot be mirrored for the first scan
     */
    Production start() throws Exception {
      Objects.requireNonNull(workDir, "workDir");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(dbv, "dbv");
      Objects.requireNonNull(topology, "topology");
      Files.createDirectories(workDir);
      Deque<Stage> started = new ArrayDeque<>();
      try {
        EmbeddedPlatform platform = EmbeddedPlatform.start(workDir);
        started.push(new Stage("the broker and registry", timeout -> platform.close()));
        String bootstrap = platform.bootstrapServers();
        String registryUrl = platform.schemaRegistryUrl();
        InputScan atStart = input.scan(s3, workDir);
        Map<String, String> connectorSettings = new HashMap<>(EmbeddedIngest.PROMPT_WATCH);
        connectorSettings.putAll(input.connectorSettings(s3, workDir));
        EmbeddedIngest ingest = EmbeddedIngest.start(bootstrap, registryUrl, input.connectorInput(), workDir, 4, 2, connectorSettings);
        started.push(new Stage("ingest (the Connect worker)", timeout -> ingest.close()));
        EmbeddedTopology.evictMembersOfStoppedRuns(bootstrap); // this process alone holds the embedded broker
        EmbeddedTopology running = EmbeddedTopology.start(bootstrap, registryUrl, workDir,
            EmbeddedTopology.promptEmission(topology), 1, (short) 1, 0, EmbeddedTopology.PROMPT_STREAMS);
        started.push(new Stage("the topology", running::close));
        DbvSink sink = new DbvSink(DbvSinkConfig.of(bootstrap, registryUrl, dbv, metadata));
        SinkThread sinkThread = new SinkThread(sink);
        started.push(new Stage("the dbv sink", sinkThread::close));
        RunOperations operations = RunOperations.start(http, workDir, input.localDir(workDir), dbv, bootstrap, registryUrl,
            ingest, running, sink, releaseMissingAfter);
        started.push(new Stage("the operator page and monitor", timeout -> operations.close()));
        ProductionMonitor monitor = operations.monitor();
        StallWatch topologyStall = new StallWatch(stallAfter, System::nanoTime);
        StallWatch sinkStall = new StallWatch(stallAfter, System::nanoTime);
        StageSupervisor supervisor = new StageSupervisor()
            .watch("dbv sink", () -> sinkThread.failure().or(() -> {
              ProductionSnapshot now = monitor.latest();
              return sinkStall.observe(now.sinkLag(), now.position("sink"), false);
            }))
            .watch("topology", () -> running.failure().or(() -> {
              ProductionSnapshot now = monitor.latest();
              return topologyStall.observe(now.topologyLag(), now.position("topology"), running.isSettling())
                  .map(why -> why + ", Kafka Streams " + running.streams().state());
            }))
            .watch("ingest", ingest::failure);
        return new Production(started, atStart, platform, running, operations, supervisor);
      } catch (Exception | Error e) {
        while (!started.isEmpty()) {
          try {
            started.pop().closer().close(Duration.ofSeconds(30));
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    }
  }
}
