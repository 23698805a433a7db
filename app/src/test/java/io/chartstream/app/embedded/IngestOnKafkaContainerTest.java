package io.chartstream.app.embedded;

import java.nio.file.Path;

/**
 * {@link IngestEndToEndTest} against an {@code apache/kafka} container (Testcontainers) where a
 * Docker engine runs; skipped with the reason elsewhere. Never the only proof: the same tests
 * run on the embedded broker.
 */
class IngestOnKafkaContainerTest extends IngestEndToEndTest {
  @Override
  KafkaUnderTest kafka(Path workDir) {
    return KafkaUnderTest.container();
  }
}
