package io.chartstream.app.embedded;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer for following what the production committed, from the beginning of its topics:
 * {@code read_committed} (aborted transactions never count), raw bytes (the caller decodes what it
 * needs), and a throw-away group that never commits, so the watcher never shows up as a stage
 * with lag of its own.
 */
public final class CommittedRecords {
  private CommittedRecords() {}

  /** A new consumer in a group {@code purpose-<random>}; subscribe or assign it as needed. */
  public static KafkaConsumer<byte[], byte[]> fromBeginning(String bootstrapServers, String purpose) {
    return new KafkaConsumer<>(Map.of(
        "bootstrap.servers", bootstrapServers,
        "group.id", purpose + "-" + UUID.randomUUID(),
        "auto.offset.reset", "earliest",
        "enable.auto.commit", "false",
        "isolation.level", "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
