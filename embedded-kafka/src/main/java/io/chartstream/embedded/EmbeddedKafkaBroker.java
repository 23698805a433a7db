package io.chartstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaRaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process, single-node Kafka broker in KRaft combined mode (broker and controller in one
 * server), with its log dir under a work dir of the caller's.
 *
 * <p>It is the embedded default of {@code chartstream run} and the real broker of integration
 * tests: clients reach it over real sockets on 127.0.0.1, exactly as they reach a cluster. The
 * work dir survives a restart: the cluster id is kept in {@code cluster.id} beside the log dir,
 * so topics, committed offsets and transactions are still there when the same work dir is
 * started again (ports may change; ask {@link #bootstrapServers()}).
 *
 * <p>Replication factors and ISR of the internal topics are 1, as a single node needs;
 * automatic topic creation is off, because chartstream creates its topics with their own
 * partition counts and cleanup policies.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path logDir;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
  }

  /** Starts a broker with its data in {@code workDir/kafka}, formatting it on first use. */
  public static EmbeddedKafkaBroker start(Path workDir) {
    return start(workDir, Map.of());
  }

  /**
   * Starts a broker with its data in {@code workDir/kafka}; {@code overrides} are broker
   * properties applied last (for example {@code message.max.bytes} in a test of limits).
   */
  public static EmbeddedKafkaBroker start(Path workDir, Map<String, String> overrides) {
    try {
      Path kafkaDir = Files.createDirectories(workDir.resolve("kafka"));
      Path logDir = Files.createDirectories(kafkaDir.resolve("logs"));
      KraftNode node = KraftNode.onFreePorts(NODE_ID, logDir);
      Map<String, String> props = node.properties(node.voter(), 1, 1);
      props.putAll(overrides);
      node.format(KraftNode.clusterId(kafkaDir));
      KafkaRaftServer server = KraftNode.startServer(props);
      LOGGER.info("Embedded Kafka broker on {} with log dir {}", node.bootstrapAddress(), logDir);
      return new EmbeddedKafkaBroker(server, node.bootstrapAddress(), logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the embedded broker's work dir " + workDir, e);
    }
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Where the broker keeps its partitions. */
  public Path logDir() {
    return logDir;
  }

  /** Stops the broker and waits until it is down; the log dir stays for a later start. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    LOGGER.info("Embedded Kafka broker on {} stopped", bootstrapServers);
  }
}
