package io.chartstream.app.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * {@link ScaleOutTest} on three {@code apache/kafka} containers (Testcontainers) where a Docker
 * engine runs; skipped with the reason elsewhere. Never the only proof: the same test runs on the
 * in-process three-node cluster.
 */
@Tag("slow")
class ScaleOutOnKafkaContainersTest extends ScaleOutTest {
  @Override
  KafkaClusterUnderTest cluster(Path workDir) {
    return KafkaClusterUnderTest.containers();
  }
}
