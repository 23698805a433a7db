package io.chartstream.app.embedded;

import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Starts the embedded platform and ingest on an input, and waits until ingest is complete. */
final class IngestHarness implements AutoCloseable {
  static final Map<String, String> FAST_SCAN = Map.of("scan.interval.ms", "200", "file.settle.ms", "0");

  final EmbeddedPlatform platform;
  final SchemaRegistryClient registry;
  final Path input;
  final Path workDir;
  EmbeddedIngest ingest;

  IngestHarness(Path input, Path workDir) throws Exception {
    this.input = input;
    this.workDir = workDir;
    platform = EmbeddedPlatform.start(workDir);
    registry = RestSchemaRegistryClient.fromUrl(platform.schemaRegistryUrl());
    startIngest();
  }

  void startIngest() throws Exception {
    ingest = EmbeddedIngest.start(platform.bootstrapServers(), platform.schemaRegistryUrl(), input, workDir, 4, 2, FAST_SCAN);
  }

  void stopIngest() {
    ingest.close();
    ingest = null;
  }

  /** Waits until every chart and bad file of the input is on Kafka. */
  void awaitComplete(Duration timeout) {
    try (IngestWatcher watcher = new IngestWatcher(platform.bootstrapServers(), registry, new InputScanner(input, 0).scan())) {
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
    return platform.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    if (ingest != null) {
      ingest.close();
    }
    registry.close();
    platform.close();
  }
}
