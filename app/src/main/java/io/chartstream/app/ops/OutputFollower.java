package io.chartstream.app.ops;

import io.chartstream.app.embedded.CommittedRecords;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads what the production committed besides features: both dead-letter topics, with their
 * reasons, and the finished tiles on {@code rcl.tiles} (counted, not decoded).
 * {@code read_committed} from the beginning, without a group of its own that would show as lag.
 */
final class OutputFollower implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroWireDeserializer<IngestError> errors;
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private long tileRecords;

  OutputFollower(String bootstrapServers, SchemaRegistryClient registry) {
    consumer = CommittedRecords.fromBeginning(bootstrapServers, "chartstream-ops");
    consumer.subscribe(List.of(Topics.INGEST_ERRORS, Topics.TOPOLOGY_ERRORS, Topics.RCL_TILES));
    errors = new AvroWireDeserializer<>(registry, TopicSchemas.INGEST_ERROR);
  }

  void poll(Duration timeout) {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      if (record.topic().equals(Topics.RCL_TILES)) {
        tileRecords++;
        continue;
      }
      IngestError e = errors.deserialize(record.topic(), record.value());
      deadLetters.add(new DeadLetter(record.topic(), e.getFile(), e.getChartId(), e.getStage(), e.getCode(), e.getReason(),
          e.getDetectedAt().toEpochMilli()));
    }
  }

  long tileRecords() {
    return tileRecords;
  }

  List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
