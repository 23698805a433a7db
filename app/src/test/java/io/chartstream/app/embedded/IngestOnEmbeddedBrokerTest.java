package io.chartstream.app.embedded;

import java.nio.file.Path;

/** {@link IngestEndToEndTest} on the in-process KRaft broker: runs everywhere. */
class IngestOnEmbeddedBrokerTest extends IngestEndToEndTest {
  @Override
  KafkaUnderTest kafka(Path workDir) {
    return KafkaUnderTest.embedded(workDir);
  }
}
