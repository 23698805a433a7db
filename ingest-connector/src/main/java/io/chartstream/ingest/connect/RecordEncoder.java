package io.chartstream.ingest.connect;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireSerializer;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Encodes keys and values in the Confluent wire format (schemas registered under
 * {@code <topic>-key} / {@code <topic>-value}) and wraps them as {@link SourceRecord}s of raw
 * bytes, for a worker that runs {@code ByteArrayConverter}.
 */
final class RecordEncoder {
  private final AvroWireSerializer<String> keys;
  private final AvroWireSerializer<Object> catalogValues;
  private final AvroWireSerializer<Object> featureValues;
  private final AvroWireSerializer<Object> errorValues;
  private final S57SourceConnectorConfig config;

  RecordEncoder(SchemaRegistryClient registry, S57SourceConnectorConfig config) {
    this.config = config;
    this.keys = new AvroWireSerializer<>(registry, TopicSchemas.STRING_KEY, true);
    this.catalogValues = new AvroWireSerializer<>(registry, TopicSchemas.CATALOG_ENTRY, false);
    this.featureValues = new AvroWireSerializer<>(registry, TopicSchemas.CHART_EVENT, false);
    this.errorValues = new AvroWireSerializer<>(registry, TopicSchemas.INGEST_ERROR, false);
  }

  SourceRecord catalog(String chartId, Object entry, Map<String, String> partition, Map<String, String> offset) {
    return record(config.catalogTopic, chartId, catalogValues.serialize(config.catalogTopic, entry), partition, offset);
  }

  SourceRecord feature(String chartId, Object event, Map<String, String> partition, Map<String, String> offset) {
    return record(config.featuresTopic, chartId, featureValues.serialize(config.featuresTopic, event), partition, offset);
  }

  SourceRecord error(String file, Object error, Map<String, String> partition, Map<String, String> offset) {
    return record(config.errorsTopic, file, errorValues.serialize(config.errorsTopic, error), partition, offset);
  }

  private SourceRecord record(String topic, String key, byte[] value, Map<String, String> partition, Map<String, String> offset) {
    return new SourceRecord(partition, offset, topic, null,
        Schema.BYTES_SCHEMA, keys.serialize(topic, key), Schema.BYTES_SCHEMA, value);
  }
}
