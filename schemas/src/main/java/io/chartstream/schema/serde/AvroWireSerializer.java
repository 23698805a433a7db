package io.chartstream.schema.serde;

import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes keys or values in the Confluent wire format ({@link AvroWireFormat}) with one writer
 * schema, given at construction: a generated record's {@code SCHEMA$}, {@code string} for chart id
 * keys, or, for a topic of several record types, their union. Datums are written with a
 * {@link SpecificDatumWriter}, so generated classes, Strings and generic records all fit.
 *
 * <p>On the first record for a topic the schema is registered under the topic's subject
 * ({@link TopicNameStrategy}); the id is then cached for that topic, so a registry is asked once
 * per topic. Null datums (tombstones) stay null.
 *
 * <p>Built directly with a registry client, the main path, it needs no {@link #configure}. Built
 * from a schema alone, {@link #configure} reads {@value AvroWireSerdes#SCHEMA_REGISTRY_URL_CONFIG}
 * and the serializer then owns, and closes, that client. Thread-safe, as a producer's serializer
 * must be.
 */
public final class AvroWireSerializer<T> implements Serializer<T> {
  private static final Logger LOGGER = LoggerFactory.getLogger(AvroWireSerializer.class);

  private final Schema schema;
  private final DatumWriter<T> writer;
  private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
  private volatile SchemaRegistryClient registry;
  private volatile boolean isKey;
  private volatile boolean ownsRegistry;

  /** A serializer for the keys ({@code isKey}) or values of any topic, registering with {@code registry}. */
  public AvroWireSerializer(SchemaRegistryClient registry, Schema schema, boolean isKey) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.writer = new SpecificDatumWriter<>(schema);
    this.isKey = isKey;
  }

  /**
   * A serializer writing datums with {@code writer} instead of a {@link SpecificDatumWriter}: for
   * a datum the caller has already encoded under {@code schema} ({@link EncodedDatumWriter}).
   */
  public AvroWireSerializer(SchemaRegistryClient registry, Schema schema, boolean isKey, DatumWriter<T> writer) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.isKey = isKey;
  }

  /** A serializer that finds its registry and role in {@link #configure}, as Kafka configures it. */
  public AvroWireSerializer(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.writer = new SpecificDatumWriter<>(schema);
  }

  /**
   * Reads {@value AvroWireSerdes#SCHEMA_REGISTRY_URL_CONFIG}; does nothing when a registry was
   * given to the constructor, which then fixed the role too.
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (registry != null) {
      return;
    }
    this.isKey = isKey;
    this.registry = AvroWireSerdes.registryFrom(configs);
    this.ownsRegistry = true;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    return AvroWireFormat.encode(idsByTopic.computeIfAbsent(topic, this::register), writer, data);
  }

  /** The writer schema. */
  public Schema schema() {
    return schema;
  }

  @Override
  public void close() {
    if (ownsRegistry) {
      registry.close();
    }
  }

  private int register(String topic) {
    SchemaRegistryClient client = registry;
    if (client == null) {
      throw new IllegalStateException("Not configured: build with a SchemaRegistryClient or call configure()");
    }
    String subject = TopicNameStrategy.subject(topic, isKey);
    try {
      int id = client.register(subject, schema);
      LOGGER.debug("Writing {} of {} with schema id {}", isKey ? "keys" : "values", topic, id);
      return id;
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Cannot register the schema " + schema.getFullName() + " under " + subject
          + ": " + e.getMessage(), e);
    }
  }
}
