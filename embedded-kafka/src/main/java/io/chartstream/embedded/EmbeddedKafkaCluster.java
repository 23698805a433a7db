package io.chartstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kafka.server.KafkaRaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of several KRaft nodes in this process, on 127.0.0.1: every node is broker and
 * controller (combined mode) with its own log dir and ports, and the nodes form one static
 * controller quorum. It is what a test of failures needs: with three nodes one can be stopped
 * and the quorum (two of three) and every partition with replication factor 3 stay available.
 *
 * <p>Internal topics (offsets, transactions, {@code _schemas} through the default replication
 * factor) are replicated to every node, with a minimum ISR of a majority, as a production
 * cluster keeps them. Node {@code i} keeps its data under {@code workDir/kafka-<i>}.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

  private final List<Node> nodes;
  private final Map<String, String> overrides;

  /** One node: its identity is fixed (the quorum is static, so it restarts on the same ports), its server comes and goes. */
  private static final class Node {
    final int id;
    final KraftNode kraft;
    volatile KafkaRaftServer server;

    Node(KraftNode kraft) {
      this.id = kraft.id();
      this.kraft = kraft;
    }

    boolean running() {
      return server != null;
    }
  }

  private EmbeddedKafkaCluster(List<Node> nodes, Map<String, String> overrides) {
    this.nodes = nodes;
    this.overrides = overrides;
  }

  /** Starts {@code size} nodes under {@code workDir}, formatting their log dirs on first use. */
  public static EmbeddedKafkaCluster start(Path workDir, int size) {
    return start(workDir, size, Map.of());
  }

  /** As {@link #start(Path, int)}, with broker properties {@code overrides} applied last on every node. */
  public static EmbeddedKafkaCluster start(Path workDir, int size, Map<String, String> overrides) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node, not " + size);
    }
    try {
      String clusterId = KraftNode.clusterId(Files.createDirectories(workDir));
      List<Node> nodes = new ArrayList<>();
      for (int id = 1; id <= size; id++) {
        Path logDir = Files.createDirectories(workDir.resolve("kafka-" + id).resolve("logs"));
        nodes.add(new Node(KraftNode.onFreePorts(id, logDir)));
      }
      EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(List.copyOf(nodes), Map.copyOf(overrides));
      for (Node node : nodes) {
        node.kraft.format(clusterId);
      }
      // Each node's startup waits for the quorum, which needs a majority: start them together.
      List<Thread> starting = new ArrayList<>();
      for (Node node : nodes) {
        starting.add(Thread.ofPlatform().name("kafka-node-" + node.id + "-start").start(() -> cluster.startNode(node)));
      }
      for (Thread thread : starting) {
        thread.join();
      }
      List<Integer> failed = nodes.stream().filter(n -> !n.running()).map(n -> n.id).toList();
      if (!failed.isEmpty()) {
        cluster.close();
        throw new IllegalStateException("Kafka nodes " + failed + " of the embedded cluster under " + workDir + " did not start; see the log");
      }
      LOGGER.info("Embedded Kafka cluster of {} nodes on {}", size, cluster.bootstrapServers());
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the embedded cluster's work dir " + workDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the embedded cluster", e);
    }
  }

  private void startNode(Node node) {
    Map<String, String> props = nodeProperties(node);
    props.putAll(overrides);
    try {
      node.server = KraftNode.startServer(props);
    } catch (RuntimeException e) {
      LOGGER.error("Kafka node {} of the embedded cluster failed to start", node.id, e);
    }
  }

  private Map<String, String> nodeProperties(Node node) {
    int majority = nodes.size() / 2 + 1;
    String voters = nodes.stream().map(n -> n.kraft.voter()).collect(Collectors.joining(","));
    Map<String, String> p = node.kraft.properties(voters, nodes.size(), nodes.size() > 2 ? majority : 1);
    // A stopping node does not ask the controller to move its leaders first: a stop is a crash as
    // far as leadership goes (the controller fences the node when its heartbeats stop), and the
    // last nodes of a closing cluster do not wait minutes for a quorum that is already gone.
    p.put("controlled.shutdown.enable", "false");
    // Three nodes share this machine's few cores: fewer threads each than a dedicated broker's.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("num.replica.fetchers", "1");
    return p;
  }

  /** {@code host:port,…} of every node, stopped ones included (clients skip those). */
  public String bootstrapServers() {
    return nodes.stream().map(n -> n.kraft.bootstrapAddress()).collect(Collectors.joining(","));
  }

  /** Number of nodes, running or not. */
  public int size() {
    return nodes.size();
  }

  /** Node ids, 1 to {@link #size()}. */
  public List<Integer> nodeIds() {
    return nodes.stream().map(n -> n.id).toList();
  }

  /** Whether node {@code id} is running. */
  public boolean isRunning(int id) {
    return node(id).running();
  }

  /**
   * Stops node {@code id} and waits until it is down; its log dir stays for {@link #restart}. No
   * controlled shutdown: its partitions get new leaders once the controller fences it
   * ({@code broker.session.timeout.ms}, 9 s), as after a crash.
   */
  public void stop(int id) {
    Node node = node(id);
    KafkaRaftServer server = node.server;
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      node.server = null;
      LOGGER.info("Kafka node {} of the embedded cluster stopped", id);
    }
  }

  /** Starts node {@code id} again on its log dir and ports, after {@link #stop}. */
  public void restart(int id) {
    Node node = node(id);
    if (!node.running()) {
      startNode(node);
      if (!node.running()) {
        throw new IllegalStateException("Kafka node " + id + " did not restart; see the log");
      }
    }
  }

  private Node node(int id) {
    if (id < 1 || id > nodes.size()) {
      throw new IllegalArgumentException("no node " + id + " in a cluster of " + nodes.size());
    }
    return nodes.get(id - 1);
  }

  /** Stops every running node, in parallel. */
  @Override
  public void close() {
    List<Thread> stopping = new ArrayList<>();
    for (Node node : nodes) {
      stopping.add(Thread.ofPlatform().name("kafka-node-" + node.id + "-stop").start(() -> stop(node.id)));
    }
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOGGER.info("Embedded Kafka cluster stopped");
  }
}
