package io.chartstream.topology.errors;

import io.chartstream.schema.avro.IngestError;

/**
 * Where the topology's exception handlers put what they skip: {@code topology.errors} in
 * production ({@link KafkaDeadLetters}), a list in tests. Handlers are made by Kafka Streams from
 * class names, so the instance reaches them through the streams config under
 * {@link TopologyErrorHandlers#DEAD_LETTERS_CONFIG}.
 */
public interface DeadLetters {
  /** Sends {@code error} keyed by {@code key} (a chart id, or where the record was); never throws. */
  void send(String key, IngestError error);
}
