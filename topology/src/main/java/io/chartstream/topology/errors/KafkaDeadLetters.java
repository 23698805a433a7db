package io.chartstream.topology.errors;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireSerializer;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters of the exception handlers on {@code topology.errors}, through a producer of their
 * own: Kafka Streams 4.1 gives a handler no way to write into the task's transaction, so these
 * records are written at once, outside it (a record skipped again after a crash may be reported
 * twice; one is never lost). Keys and values are in the Confluent wire format, as every other
 * record of the topic.
 */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(KafkaDeadLetters.class);

  private final KafkaProducer<byte[], byte[]> producer;
  private final AvroWireSerializer<String> keys;
  private final AvroWireSerializer<IngestError> values;

  public KafkaDeadLetters(String bootstrapServers, SchemaRegistryClient registry) {
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "chartstream-topology-dead-letters",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new ByteArraySerializer(), new ByteArraySerializer());
    keys = new AvroWireSerializer<>(registry, TopicSchemas.STRING_KEY, true);
    values = new AvroWireSerializer<>(registry, TopicSchemas.INGEST_ERROR, false);
  }

  @Override
  public void send(String key, IngestError error) {
    LOGGER.warn("Topology dead letter: {} [{}] {}: {}", error.getFile(), error.getStage(), error.getCode(), error.getReason());
    try {
      producer.send(new ProducerRecord<>(Topics.TOPOLOGY_ERRORS, keys.serialize(Topics.TOPOLOGY_ERRORS, key),
          values.serialize(Topics.TOPOLOGY_ERRORS, error)), (metadata, e) -> {
            if (e != null) {
              LOGGER.error("Could not write the dead letter for {} to {}: {}", error.getFile(), Topics.TOPOLOGY_ERRORS, e.toString());
            }
          });
    } catch (RuntimeException e) {
      LOGGER.error("Could not write the dead letter for {} to {}: {}", error.getFile(), Topics.TOPOLOGY_ERRORS, e.toString());
    }
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
