package io.chartstream.schema.serde;

import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka {@link Serde}s for the Confluent wire format, and the one setting they read when Kafka
 * configures them, {@value #SCHEMA_REGISTRY_URL_CONFIG} (the key Confluent's serdes read).
 *
 * <pre>{@code
 * Serde<SpecificRecord> features = AvroWireSerdes.of(registry, FEATURES_UNION, false);
 * }</pre>
 */
public final class AvroWireSerdes {
  private static final Logger LOGGER = LoggerFactory.getLogger(AvroWireSerdes.class);
  /** The registry's base URL in a Kafka client config. */
  public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";

  private AvroWireSerdes() {}

  /**
   * A serde that writes with {@code schema} (registered under the topic's subject on first use)
   * and reads any registered writer schema into {@code schema}. For a topic of several record
   * types, {@code schema} is their union.
   */
  public static <T> Serde<T> of(SchemaRegistryClient registry, Schema schema, boolean isKey) {
    return Serdes.serdeFrom(new AvroWireSerializer<>(registry, schema, isKey),
        new AvroWireDeserializer<>(registry, schema));
  }

  /**
   * A client of the registry named by {@value #SCHEMA_REGISTRY_URL_CONFIG}; of a comma-separated
   * list, as Confluent accepts, the first URL.
   */
  static SchemaRegistryClient registryFrom(Map<String, ?> configs) {
    Object value = configs.get(SCHEMA_REGISTRY_URL_CONFIG);
    if (value == null || value.toString().isBlank()) {
      throw new ConfigException("Missing " + SCHEMA_REGISTRY_URL_CONFIG + ": the Avro serdes need a schema registry");
    }
    String[] urls = value.toString().split(",");
    if (urls.length > 1) {
      LOGGER.warn("{} lists {} URLs; using the first, {}", SCHEMA_REGISTRY_URL_CONFIG, urls.length, urls[0].strip());
    }
    return new RestSchemaRegistryClient(urls[0].strip());
  }
}
