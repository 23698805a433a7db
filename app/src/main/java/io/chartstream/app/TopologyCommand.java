package io.chartstream.app;

import io.chartstream.app.embedded.ChartTopics;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.ops.OpsMetrics;
import io.chartstream.app.web.OpsServer;
import io.chartstream.topology.streams.TopologyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

  @Option(names = "--threads", defaultValue = "2", description = "Stream threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--replication", defaultValue = "3", description = "Replication factor of internal and created topics (default: ${DEFAULT-VALUE}).")
  short replication;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions of topics created here (default: ${DEFAULT-VALUE}).")
  int partitions;

  @picocli.CommandLine.Mixin
  HttpSettings http = new HttpSettings();

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(workDir);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      ChartTopics.createMissing(admin, ChartTopics.definitions(partitions, replication));
    }
    TopologyConfig config = settings.toConfig();
    ShutdownSignal signal = ShutdownSignal.install();
    try (EmbeddedTopology topology = EmbeddedTopology.start(bootstrapServers, schemaRegistryUrl, workDir, config, threads, replication);
         OpsMetrics metrics = new OpsMetrics().bind(topology.streams());
         OpsServer server = OpsServer.metrics(http.endpoint().address(), http.endpoint().anyPortIfTaken(), metrics)) {
      System.out.println("chartstream topology: metrics at " + server.url() + "metrics");
      while (!signal.isRequested()) {
        Thread.sleep(500);
      }
    } finally {
      signal.closed();
    }
    return 0;
  }
}
