package io.chartstream.app;

import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chartstream registry}: chartstream's schema registry served on its own, for a cluster
 * deployment without Confluent's: the same REST subset and the same {@code _schemas} topic
 * ({@link EmbeddedSchemaRegistry}), so the topology, the sink and the connector see one registry
 * whichever serves it. Several may serve one topic: each reads it to its end before answering.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "Serve the schema registry (Confluent's REST API, schemas in a Kafka topic) against a Kafka cluster.")
final class RegistryCommand implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", required = true, description = "The Kafka cluster.")
  String bootstrapServers;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to serve on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String bind;

  @Option(names = "--port", defaultValue = "8081", description = "Port to serve on (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(names = "--topic", defaultValue = EmbeddedSchemaRegistry.DEFAULT_TOPIC, description = "The topic that keeps the schemas (default: ${DEFAULT-VALUE}).")
  String topic;

  @Override
  public Integer call() throws Exception {
    ShutdownSignal signal = ShutdownSignal.install();
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new InetSocketAddress(bind, port), topic)) {
      System.out.println("chartstream registry: serving on " + bind + ":" + registry.port() + ", schemas in " + registry.topic());
      while (!signal.isRequested()) {
        Thread.sleep(500);
      }
    } finally {
      signal.closed();
    }
    return 0;
  }
}
