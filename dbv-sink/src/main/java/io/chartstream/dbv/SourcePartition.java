package io.chartstream.dbv;

import java.util.Objects;

/**
 * A partition of a topic the sink reads, as the dbv's {@code offsets} table keys it: plain data,
 * so the format and its readers need no Kafka library.
 *
 * @param topic the topic name
 * @param partition the partition number
 */
public record SourcePartition(String topic, int partition) {
  public SourcePartition {
    Objects.requireNonNull(topic, "topic");
  }

  @Override
  public String toString() {
    return topic + "-" + partition;
  }
}
