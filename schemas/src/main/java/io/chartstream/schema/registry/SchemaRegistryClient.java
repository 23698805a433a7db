package io.chartstream.schema.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that producing and consuming Avro in the
 * Confluent wire format needs: register a writer schema under a subject, find a schema by the id
 * in a record's header, list subjects, read a subject's latest version.
 *
 * <p>Implementations are thread-safe: one instance is shared by every serializer of a process.
 * Every method throws {@link SchemaRegistryException} when the registry refuses or cannot be
 * reached.
 *
 * @see RestSchemaRegistryClient
 * @see EmbeddedSchemaRegistry
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /**
   * Registers {@code schema} under {@code subject} and returns its id. Idempotent: the same schema
   * gets the same id every time, and a schema already known under another subject keeps its id.
   */
  int register(String subject, Schema schema);

  /** The schema with this id; fails with {@link SchemaRegistryException#SCHEMA_NOT_FOUND} if none. */
  Schema schemaById(int id);

  /** Every subject with at least one version. */
  List<String> subjects();

  /** The latest version of {@code subject}, or empty when the subject does not exist. */
  Optional<RegisteredSchema> latest(String subject);

  /** Releases connections; the default holds none. */
  @Override
  default void close() {}
}
