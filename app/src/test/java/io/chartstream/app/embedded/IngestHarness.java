package io.chartstream.app.embedded;

import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Starts a broker, a schema registry and ingest on an input, and waits until ingest is complete. */
final class IngestHarness implements AutoCloseable {
  static final Map<String, String> FAST_SCAN = Map.of("scan.interval.ms", "200", "file.settle.ms", "0");

  final KafkaUnderTest kafka;
  final EmbeddedSchemaRegistry schemaRegistry;
  final SchemaRegistryClient registry;
  final Path input;
  final Path workDir;
  EmbeddedIngest ingest;

  /** Ingest on the embedded broker. */
  IngestHarness(Path input, Path workDir) throws Exception {
    this(input, workDir, KafkaUnderTest.embedded(workDir));
  }

  IngestHarness(Path input, Path workDir, KafkaUnderTest kafka) throws Exception {
    this.input = input;
    this.workDir = workDir;
    this.kafka = kafka;
    schemaRegistry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
    registry = RestSchemaRegistryClient.fromUrl(schemaRegistry.url());
    startIngest();
  }

  void startIngest() throws Exception {
    ingest = EmbeddedIngest.start(kafka.bootstrapServers(), schemaRegistry.url(), input, workDir, 4, 2, FAST_SCAN);
  }

  void stopIngest() {
    ingest.close();
    ingest = null;
  }

  /** Waits until every chart and bad file of the input is on Kafka. */
  void awaitComplete(Duration timeout) {
    try (IngestWatcher watcher = new IngestWatcher(kafka.bootstrapServers(), registry, new InputScanner(input, 0).scan())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!watcher.poll(Duration.ofMillis(500))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("ingest incomplete after " + timeout + ": charts " + watcher.chartsEnded() + "/"
              + watcher.chartsExpected() + ", errors " + watcher.errors());
        }
      }
    }
  }

  String bootstrap() {
    return kafka.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    if (ingest != null) {
      ingest.close();
    }
    registry.close();
    schemaRegistry.close();
    kafka.close();
  }
}
