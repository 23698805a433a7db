package io.chartstream.app.embedded;

import java.nio.file.Path;

/**
 * {@link IngestEndToEndTest} against a Kafka container (Testcontainers) of the local image that
 * stands in for {@code apache/kafka}: a real broker in its own JVM and network namespace, reached
 * over a mapped port. Fails on CI without a Docker engine or the image; skipped with the reason
 * elsewhere. The same tests run on the embedded broker.
 */
class IngestOnKafkaContainerTest extends IngestEndToEndTest {
  @Override
  KafkaUnderTest kafka(Path workDir) {
    return KafkaUnderTest.container();
  }
}
