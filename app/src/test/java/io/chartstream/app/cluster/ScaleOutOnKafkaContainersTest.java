package io.chartstream.app.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * {@link ScaleOutTest} on three Kafka containers (Testcontainers) of the local image that stands
 * in for {@code apache/kafka}; broker 2 is stopped as a container. Fails on CI without a Docker
 * engine or the image; skipped with the reason elsewhere. The same test runs on the in-process
 * three-node cluster.
 */
@Tag("slow")
class ScaleOutOnKafkaContainersTest extends ScaleOutTest {
  @Override
  KafkaClusterUnderTest cluster(Path workDir) {
    return KafkaClusterUnderTest.containers();
  }
}
