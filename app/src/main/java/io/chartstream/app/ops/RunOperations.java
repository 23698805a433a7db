package io.chartstream.app.ops;

import io.chartstream.app.embedded.EmbeddedConnectWorker;
import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.web.OpsServer;
import io.chartstream.dbv.sink.DbvSink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import io.chartstream.app.embedded.ChartReleases;

/**
 * The operations side of {@code chartstream run}: the production monitor, the metrics of every
 * component in the JVM, the HTTP server with {@code /metrics} and the operator page, and
 * {@code run.json} in the work dir so {@code chartstream status} finds this run.
 */
public final class RunOperations implements AutoCloseable {
  private final Path workDir;
  private final ProductionMonitor monitor;
  private final OpsMetrics metrics;
  private final OpsServer server;
  private final ChartReleases releases;

  private RunOperations(Path workDir, ProductionMonitor monitor, OpsMetrics metrics, OpsServer server, ChartReleases releases) {
    this.workDir = workDir;
    this.monitor = monitor;
    this.metrics = metrics;
    this.server = server;
    this.releases = releases;
  }

  /**
   * @param releaseGrace how long a chart promised by a catalogue is waited for once ingest has read
   *                     everything else, before the RCLs waiting for it are produced without it; null: only the
   *                     operator (or {@code --once} at the end) releases
   */
  public static RunOperations start(HttpEndpoint http, Path workDir, Path input, Path dbv, String bootstrapServers,
                                    String registryUrl, EmbeddedIngest ingest, EmbeddedTopology topology, DbvSink sink,
                                    Duration releaseGrace)
      throws Exception {
    ChartReleases releases = new ChartReleases(bootstrapServers, topology.registry());
    MissingCharts missing = new MissingCharts(input, topology::catalogRcls, releases, releaseGrace);
    ProductionMonitor monitor = ProductionMonitor.start(bootstrapServers, registryUrl, input, dbv, missing);
    OpsMetrics metrics = new OpsMetrics().bind(topology.streams()).bind(sink.consumerForMetrics())
        .bindConnectWorker().bind(monitor::latest);
    EmbeddedConnectWorker worker = ingest.worker();
    OpsServer server;
    try {
      server = OpsServer.operatorPage(http.address(), http.anyPortIfTaken(), http.hostNames(), metrics, monitor::latest,
          monitor.history()::samples, new HerderIngestControl(worker.herder(), EmbeddedIngest.CONNECTOR_NAME), dbv,
          missing::releaseByOperator);
    } catch (Exception e) {
      metrics.close();
      monitor.close();
      releases.close();
      throw e;
    }
    URI connect = worker.restUrl();
    new RunAddress(bootstrapServers, registryUrl, connect == null ? null : connect.toString(), server.url().toString(),
        input.toAbsolutePath().normalize().toString(), dbv.toString(), ProcessHandle.current().pid()).write(workDir);
    return new RunOperations(workDir, monitor, metrics, server, releases);
  }

  /** The production's one monitor: progress, metrics, the operator page, and when it is done. */
  public ProductionMonitor monitor() {
    return monitor;
  }

  /** The operator page's address. */
  public URI url() {
    return server.url();
  }

  @Override
  public void close() throws Exception {
    RunAddress.delete(workDir);
    server.close();
    metrics.close();
    monitor.close();
    releases.close();
  }
}
