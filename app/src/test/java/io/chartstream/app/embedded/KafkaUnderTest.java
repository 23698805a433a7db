package io.chartstream.app.embedded;

import io.chartstream.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
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

  /** An {@code apache/kafka} container; the calling test is skipped, saying why, where no Docker engine runs. */
  static KafkaUnderTest container() {
    Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
        "no Docker engine reachable: the same tests ran against the embedded broker");
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    kafka.start();
    return new KafkaUnderTest() {
      @Override
      public String bootstrapServers() {
        return kafka.getBootstrapServers();
      }

      @Override
      public void close() {
        kafka.stop();
      }
    };
  }
}
