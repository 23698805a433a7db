package io.chartstream.app.cluster;

import io.chartstream.embedded.EmbeddedKafkaCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import io.chartstream.app.LocalImages;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A three-node KRaft cluster a scale-out test runs on, reached over real sockets: in this
 * process ({@link EmbeddedKafkaCluster}), or three {@code apache/kafka} containers where a Docker
 * engine runs. Every node is broker and controller, so stopping one keeps the quorum.
 */
interface KafkaClusterUnderTest extends AutoCloseable {
  String bootstrapServers();

  /** Stops broker {@code id} (1 to 3); the other two keep the quorum and every partition. */
  void stopBroker(int id);

  @Override
  void close();

  static KafkaClusterUnderTest embedded(Path workDir) {
    EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(workDir, 3);
    return new KafkaClusterUnderTest() {
      @Override
      public String bootstrapServers() {
        return cluster.bootstrapServers();
      }

      @Override
      public void stopBroker(int id) {
        cluster.stop(id);
      }

      @Override
      public void close() {
        cluster.close();
      }
    };
  }

  /**
   * Three containers of the local Kafka image ({@link LocalImages#kafka()}, standing in for
   * {@code apache/kafka}) on a Docker network of the test's own, each listening for the other
   * nodes on its network alias and for this host's clients (the topology JVMs included) on a
   * fixed host port it advertises. The calling test fails on CI and is skipped elsewhere, saying
   * why, without a Docker engine or the image.
   */
  static KafkaClusterUnderTest containers() {
    DockerImageName image = LocalImages.kafka();
    Network network = Network.newNetwork();
    List<Integer> hostPorts = IntStream.range(0, 3).mapToObj(i -> freePort()).toList();
    String voters = IntStream.rangeClosed(1, 3).mapToObj(id -> id + "@kafka-" + id + ":9094").collect(Collectors.joining(","));
    List<GenericContainer<?>> nodes = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      int hostPort = hostPorts.get(id - 1);
      GenericContainer<?> node = new GenericContainer<>(image)
          .withNetwork(network)
          .withNetworkAliases("kafka-" + id)
          .withEnv("KAFKA_NODE_ID", String.valueOf(id))
          .withEnv("KAFKA_PROCESS_ROLES", "broker,controller")
          .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", voters)
          .withEnv("KAFKA_LISTENERS", "HOST://0.0.0.0:" + hostPort + ",BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094")
          .withEnv("KAFKA_ADVERTISED_LISTENERS", "HOST://localhost:" + hostPort + ",BROKER://kafka-" + id + ":9093")
          .withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "HOST:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT")
          .withEnv("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER")
          .withEnv("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
          .withEnv("CLUSTER_ID", "chartstream-scale-out-test")
          .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
          .withEnv("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
          .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "2")
          .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
          .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
          .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
          .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
          // The host port is fixed (not a random mapping) because the broker must advertise it.
          .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
              com.github.dockerjava.api.model.PortBinding.parse(hostPort + ":" + hostPort)))
          .withExposedPorts(hostPort)
          .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
      nodes.add(node);
    }
    // A node's start waits for a quorum: start all three at once.
    try {
      nodes.parallelStream().forEach(GenericContainer::start);
    } catch (RuntimeException e) {
      nodes.forEach(GenericContainer::stop);
      network.close();
      throw e;
    }
    return new KafkaClusterUnderTest() {
      @Override
      public String bootstrapServers() {
        return hostPorts.stream().map(p -> "localhost:" + p).collect(Collectors.joining(","));
      }

      @Override
      public void stopBroker(int id) {
        nodes.get(id - 1).stop();
      }

      @Override
      public void close() {
        nodes.parallelStream().forEach(GenericContainer::stop);
        network.close();
      }
    };
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on this host", e);
    }
  }
}
