package io.chartstream.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
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
      int brokerPort = freePort();
      int controllerPort = freePort();
      Map<String, String> props = brokerProperties(logDir, brokerPort, controllerPort);
      props.putAll(overrides);
      format(logDir, clusterId(kafkaDir));
      Properties properties = new Properties();
      properties.putAll(props);
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
      server.startup();
      String bootstrap = "127.0.0.1:" + brokerPort;
      LOGGER.info("Embedded Kafka broker on {} with log dir {}", bootstrap, logDir);
      return new EmbeddedKafkaBroker(server, bootstrap, logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the embedded broker's work dir " + workDir, e);
    }
  }

  private static Map<String, String> brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // A laptop run keeps its data; the source topics must outlive any replay (no time limit).
    p.put("log.retention.ms", "-1");
    return p;
  }

  /** Formats the log dir once; a dir formatted by an earlier run is left as it is. */
  private static void format(Path logDir, String clusterId) {
    format(logDir, clusterId, NODE_ID);
  }

  /** Formats {@code logDir} for node {@code nodeId} of cluster {@code clusterId}, unless an earlier run did. */
  static void format(Path logDir, String clusterId, int nodeId) {
    try (PrintStream quiet = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(quiet)
          .setNodeId(nodeId)
          .setClusterId(clusterId)
          .addDirectory(logDir.toString())
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format the embedded broker's log dir " + logDir + ": " + e.getMessage(), e);
    }
  }

  static String clusterId(Path kafkaDir) throws IOException {
    Path file = kafkaDir.resolve("cluster.id");
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id);
    return id;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
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
