package io.chartstream.schema.serde;

import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads keys or values in the Confluent wire format ({@link AvroWireFormat}) into one reader
 * schema, given at construction: the writer schema is looked up by the id in each payload's
 * header and resolved against the reader schema (Avro schema resolution), so records written by
 * an older or newer producer still read as the classes this consumer was built with. Generated
 * classes come back as themselves, Avro strings as {@link String}.
 *
 * <p>A writer schema is fetched once per id and checked once for compatibility with the reader
 * schema; an incompatible one fails every record it wrote with a message naming both. Null
 * payloads (tombstones) read as null.
 *
 * <p>Built directly with a registry client, the main path, it needs no {@link #configure}. Built
 * from a schema alone, {@link #configure} reads {@value AvroWireSerdes#SCHEMA_REGISTRY_URL_CONFIG}
 * and the deserializer then owns, and closes, that client. Thread-safe: Avro's datum readers are
 * used concurrently, as Confluent's deserializer does.
 */
public final class AvroWireDeserializer<T> implements Deserializer<T> {
  private static final Logger LOGGER = LoggerFactory.getLogger(AvroWireDeserializer.class);

  private final Schema readerSchema;
  /** The reader schema as resolved against writer schemas, with every string read as a String. */
  private final Schema resolvingSchema;
  private final Map<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();
  private volatile SchemaRegistryClient registry;
  private volatile boolean ownsRegistry;

  /** A deserializer into {@code readerSchema} that looks writer schemas up in {@code registry}. */
  public AvroWireDeserializer(SchemaRegistryClient registry, Schema readerSchema) {
    this(readerSchema);
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** A deserializer that finds its registry in {@link #configure}, as Kafka configures it. */
  public AvroWireDeserializer(Schema readerSchema) {
    this.readerSchema = Objects.requireNonNull(readerSchema, "readerSchema");
    this.resolvingSchema = JavaStringReaderSchema.of(readerSchema);
  }

  /** Reads {@value AvroWireSerdes#SCHEMA_REGISTRY_URL_CONFIG}; does nothing when a registry was given. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (registry != null) {
      return;
    }
    this.registry = AvroWireSerdes.registryFrom(configs);
    this.ownsRegistry = true;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      DatumReader<T> reader = readersById.computeIfAbsent(AvroWireFormat.schemaId(data), this::newReader);
      return AvroWireFormat.decode(data, reader);
    } catch (SerializationException e) {
      throw new SerializationException("Cannot read a record of " + topic + ": " + e.getMessage(), e);
    }
  }

  /** The reader schema. */
  public Schema readerSchema() {
    return readerSchema;
  }

  @Override
  public void close() {
    if (ownsRegistry) {
      registry.close();
    }
  }

  private DatumReader<T> newReader(int id) {
    SchemaRegistryClient client = registry;
    if (client == null) {
      throw new IllegalStateException("Not configured: build with a SchemaRegistryClient or call configure()");
    }
    Schema writerSchema;
    try {
      writerSchema = client.schemaById(id);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Cannot fetch the writer schema of id " + id + ": " + e.getMessage(), e);
    }
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(resolvingSchema, writerSchema);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException("Schema id " + id + " (" + writerSchema.getFullName() + ") cannot be read as "
          + readerSchema.getFullName() + ": " + compatibility.getDescription());
    }
    LOGGER.debug("Reading schema id {} ({}) as {}", id, writerSchema.getFullName(), readerSchema.getFullName());
    return new SpecificDatumReader<>(writerSchema, resolvingSchema);
  }
}
