package io.chartstream.app;

import io.chartstream.app.embedded.ChartTopics;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.ops.OpsMetrics;
import io.chartstream.app.web.OpsServer;
import io.chartstream.topology.streams.TopologyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chartstream topology}: the Kafka Streams topology alone against a cluster; start several
 * with the same application id to share the work.
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
    description = "Run the topology (reproject, clip to RCL, finished tiles on rcl.tiles) against a Kafka cluster.")
final class TopologyCommand implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", required = true, description = "The Kafka cluster.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", required = true, description = "A Confluent-compatible schema registry.")
  String schemaRegistryUrl;

  @Option(names = "--work-dir", defaultValue = ".chartstream", description = "Where the state stores live (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @picocli.CommandLine.Mixin
  TopologySettings settings = new TopologySettings();

  @Option(names = "--cluster-config", description = "Partitions, replication, standby replicas, threads and Kafka Streams settings"
      + " (e.g. config/cluster.properties); the options below win over it.")
  Path clusterConfig;

  @Option(names = "--threads", description = "Stream threads (default: 2).")
  Integer threads;

  @Option(names = "--replication", description = "Replication factor of internal and created topics (default: 3).")
  Short replication;

  @Option(names = "--partitions", description = "Partitions of topics created here (default: 4).")
  Integer partitions;

  @Option(names = "--standby-replicas", description = "Warm copies of each task's state on other instances (default: 0).")
  Integer standbyReplicas;

  @picocli.CommandLine.Mixin
  HttpSettings http = new HttpSettings();

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(workDir);
    ClusterSettings cluster = (clusterConfig != null ? ClusterSettings.load(clusterConfig) : ClusterSettings.defaults())
        .withExplicit(partitions, replication, standbyReplicas, threads);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      ChartTopics.createMissing(admin, ChartTopics.definitions(cluster.partitions(), cluster.replication()));
    }
    TopologyConfig config = settings.toConfig();
    ShutdownSignal signal = ShutdownSignal.install();
    try (EmbeddedTopology topology = EmbeddedTopology.start(bootstrapServers, schemaRegistryUrl, workDir, config,
        cluster.threads(), cluster.replication(), cluster.standbyReplicas(), cluster.topologyOverrides());
         OpsMetrics metrics = new OpsMetrics().bind(topology.streams());
         OpsServer server = OpsServer.metrics(http.endpoint().address(), http.endpoint().anyPortIfTaken(), metrics)) {
      System.out.println("chartstream topology: metrics at " + server.url() + "metrics");
      while (!signal.isRequested()) {
        Thread.sleep(500);
        Optional<String> died = topology.failure();
        if (died.isPresent()) {
          // Non-zero, so a supervisor (a container's restart policy) starts it again; the
          // instance resumes from its committed offsets and changelogs.
          System.err.println("chartstream topology: the topology stopped: " + died.get());
          return RunCommand.STAGE_DIED;
        }
      }
    } finally {
      signal.closed();
    }
    return 0;
  }
}
