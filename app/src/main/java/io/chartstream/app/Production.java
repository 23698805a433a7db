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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A whole production in one JVM, as {@code run} starts it: the embedded broker and registry, the
 * Connect worker with the ingest connector, the topology, the dbv sink, and the operations side
 * (the one production monitor, metrics, the operator page), started in that order by
 * {@link Builder#start} and stopped in the reverse order by {@link #close}. A step that fails
 * stops what the steps before it started.
 */
final class Production implements AutoCloseable {
  private final Deque<AutoCloseable> started;
  private final InputScan atStart;
  private final EmbeddedPlatform platform;
  private final EmbeddedTopology topology;
  private final RunOperations operations;

  private Production(Deque<AutoCloseable> started, InputScan atStart, EmbeddedPlatform platform, EmbeddedTopology topology,
                     RunOperations operations) {
    this.started = started;
    this.atStart = atStart;
    this.platform = platform;
    this.topology = topology;
    this.operations = operations;
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

  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
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
      Deque<AutoCloseable> started = new ArrayDeque<>();
      try {
        EmbeddedPlatform platform = EmbeddedPlatform.start(workDir);
        started.push(platform);
        String bootstrap = platform.bootstrapServers();
        String registryUrl = platform.schemaRegistryUrl();
        InputScan atStart = input.scan(s3, workDir);
        Map<String, String> connectorSettings = new HashMap<>(EmbeddedIngest.PROMPT_WATCH);
        connectorSettings.putAll(input.connectorSettings(s3, workDir));
        EmbeddedIngest ingest = EmbeddedIngest.start(bootstrap, registryUrl, input.connectorInput(), workDir, 4, 2, connectorSettings);
        started.push(ingest);
        EmbeddedTopology.evictMembersOfStoppedRuns(bootstrap); // this process alone holds the embedded broker
        EmbeddedTopology running = EmbeddedTopology.start(bootstrap, registryUrl, workDir,
            EmbeddedTopology.promptEmission(topology), 1, (short) 1, 0, EmbeddedTopology.PROMPT_STREAMS);
        started.push(running);
        DbvSink sink = new DbvSink(DbvSinkConfig.of(bootstrap, registryUrl, dbv, metadata));
        Thread sinkThread = Thread.ofPlatform().name("dbv-sink").start(sink);
        started.push(() -> {
          sink.close();
          sinkThread.join(30_000);
        });
        RunOperations operations = RunOperations.start(http, workDir, input.localDir(workDir), dbv, bootstrap, registryUrl,
            ingest, running, sink);
        started.push(operations);
        return new Production(started, atStart, platform, running, operations);
      } catch (Exception | Error e) {
        while (!started.isEmpty()) {
          try {
            started.pop().close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    }
  }
}
