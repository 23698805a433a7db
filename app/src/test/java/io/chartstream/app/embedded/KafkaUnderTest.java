package io.chartstream.app.embedded;

import io.chartstream.app.LocalImages;
import io.chartstream.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;

/** The broker an integration test talks to over real sockets: in-process KRaft, or an apache/kafka container. */
interface KafkaUnderTest extends AutoCloseable {
  String bootstrapServers();

  @Override
  void close();

  static KafkaUnderTest embedded(Path workDir) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(workDir);
    return new KafkaUnderTest() {
      @Override
      public String bootstrapServers() {
        return broker.bootstrapServers();
      }

      @Override
      public void close() {
        broker.close();
      }
    };
  }

  /**
   * A Kafka container of the local image ({@link LocalImages#kafka()}, standing in for
   * {@code apache/kafka}) on a network of its own; the calling test fails on CI and is skipped
   * elsewhere, saying why, without a Docker engine or the image.
   */
  static KafkaUnderTest container() {
    Network network = Network.newNetwork();
    KafkaContainer kafka = new KafkaContainer(LocalImages.kafka()).withNetwork(network);
    try {
      kafka.start();
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
    return new KafkaUnderTest() {
      @Override
      public String bootstrapServers() {
        return kafka.getBootstrapServers();
      }

      @Override
      public void close() {
        kafka.stop();
        network.close();
      }
    };
  }
}
