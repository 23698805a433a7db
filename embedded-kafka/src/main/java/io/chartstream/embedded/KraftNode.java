package io.chartstream.embedded;

import java.io.IOException;
import java.io.PrintStream;
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

/**
 * One KRaft node in combined mode (broker and controller) on 127.0.0.1, as the single embedded
 * broker and every node of the embedded cluster run it: its identity (id, ports, log dir), its
 * broker properties, and how its log dir is formatted and its server started. Kept in one place
 * so that the broker of {@code chartstream run} and the nodes of the failure tests cannot drift
 * apart in how they are configured.
 *
 * @param id the node id
 * @param logDir where the node keeps its partitions and metadata log
 * @param brokerPort the PLAINTEXT listener's port
 * @param controllerPort the CONTROLLER listener's port
 */
record KraftNode(int id, Path logDir, int brokerPort, int controllerPort) {

  /** A node with two free loopback ports. */
  static KraftNode onFreePorts(int id, Path logDir) throws IOException {
    return new KraftNode(id, logDir, freePort(), freePort());
  }

  /** This node's entry in {@code controller.quorum.voters}. */
  String voter() {
    return id + "@127.0.0.1:" + controllerPort;
  }

  /** {@code host:port} of the broker listener. */
  String bootstrapAddress() {
    return "127.0.0.1:" + brokerPort;
  }

  /**
   * Broker properties for a quorum of {@code voters} where internal topics are kept on
   * {@code replicas} nodes with a minimum ISR of {@code minIsr}.
   */
  Map<String, String> properties(String voters, int replicas, int minIsr) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(id));
    p.put("controller.quorum.voters", voters);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + bootstrapAddress());
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // chartstream creates its topics with their own partition counts and cleanup policies.
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    p.put("default.replication.factor", String.valueOf(replicas));
    p.put("min.insync.replicas", String.valueOf(minIsr));
    p.put("offsets.topic.replication.factor", String.valueOf(replicas));
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", String.valueOf(replicas));
    p.put("transaction.state.log.min.isr", String.valueOf(minIsr));
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // A laptop run keeps its data; the source topics must outlive any replay (no time limit).
    p.put("log.retention.ms", "-1");
    // Kafka Streams purges what it has consumed of its repartition topic (deleteRecords), but the
    // broker deletes the segments below the new start only at its retention check, every 5 minutes
    // by default: a 100-cell run kept 4 bytes of repartition records per byte of S-57 to its end.
    p.put("log.retention.check.interval.ms", "30000");
    return p;
  }

  /** The feature that selects the transaction protocol, and the level chartstream formats with. */
  static final String TRANSACTION_VERSION = "transaction.version";
  static final short TRANSACTION_VERSION_LEVEL = 1;

  /** Formats the log dir for this node of cluster {@code clusterId}, unless an earlier run did. */
  void format(String clusterId) {
    try (PrintStream quiet = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(quiet)
          .setNodeId(id)
          .setClusterId(clusterId)
          .addDirectory(logDir.toString())
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          // Transactions version 1, not the release's default 2 (KIP-890 part 2, new in Kafka 4.0:
          // the producer epoch is bumped after every transaction). Under version 2 a starved
          // broker answered a retried batch of the previous transaction with "Expected sequence 0
          // ... no existing state" (OutOfOrderSequenceException), after which the stream thread's
          // producer was told CONCURRENT_TRANSACTIONS for ever: the 1,000-cell bench stalled that
          // way after 79 minutes, and a loaded test once. Version 1 keeps one epoch across
          // transactions, so such a retry is a duplicate the broker drops. Streams' exactly-once
          // (exactly_once_v2) works on either. A log dir formatted earlier keeps its version.
          .setFeatureLevel(TRANSACTION_VERSION, TRANSACTION_VERSION_LEVEL)
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format the embedded broker's log dir " + logDir + ": " + e.getMessage(), e);
    }
  }

  /** Starts a server with {@code properties}; it returns once the node has joined its quorum. */
  static KafkaRaftServer startServer(Map<String, String> properties) {
    Properties props = new Properties();
    props.putAll(properties);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    return server;
  }

  /** The cluster id kept in {@code dir/cluster.id}, made on first use so a restart finds its data. */
  static String clusterId(Path dir) throws IOException {
    Path file = dir.resolve("cluster.id");
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id);
    return id;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
