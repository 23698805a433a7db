package io.chartstream.schema.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's rules: how a registration gets its id and version, when it is refused,
 * and what a lookup answers. State lives in a {@link SchemaCatalog}, made durable by a
 * {@link SchemaLog}; every refusal is a {@link SchemaRegistryException} with the status and
 * Confluent error code the REST API answers.
 *
 * <ul>
 *   <li>Identity: the text of the parsed schema's {@link Schema#toString()} (see {@link SchemaCatalog}).
 *   <li>Ids are global: a schema already registered under another subject keeps its id.
 *   <li>Compatibility: BACKWARD against the subject's latest version, Confluent's default, so a
 *       schema change that a cluster registry would refuse is refused here too.
 *   <li>Several registries on one topic: before minting an id the store reads the topic to its end,
 *       so a registration made by another instance is reused rather than duplicated. Two instances
 *       registering different schemas at the same instant can still mint the same id; Confluent
 *       elects a leader to avoid that, this store assumes one writer at a time.
 * </ul>
 *
 * <p>Thread-safe: registrations and catch-ups hold this store's monitor (the log's consumer is
 * single-threaded); reads of known schemas only touch the catalog.
 */
final class SchemaStore implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(SchemaStore.class);

  private final SchemaLog log;
  private final SchemaCatalog catalog = new SchemaCatalog();

  private SchemaStore(SchemaLog log) {
    this.log = log;
  }

  /** Opens the log in {@code topic} and reads it to its end, so the store answers as it did before. */
  static SchemaStore open(Map<String, Object> clientConfig, String topic) {
    SchemaLog log = SchemaLog.open(clientConfig, topic);
    try {
      SchemaStore store = new SchemaStore(log);
      int records = log.readToEnd(store.catalog::apply);
      LOGGER.info("Read {} records from {}: {} subjects, next id {}",
          records, topic, store.catalog.subjects().size(), store.catalog.nextId());
      return store;
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
  }

  /** Registers a schema given as JSON text under {@code subject}; returns its id (existing or new). */
  synchronized int register(String subject, String schemaJson) {
    Schema schema = parse(schemaJson);
    String text = schema.toString();
    Optional<RegisteredSchema> existing = catalog.find(subject, text);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    catchUp();
    existing = catalog.find(subject, text);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    catalog.latest(subject).ifPresent(latest -> requireBackwardCompatible(subject, schema, latest));
    int id = catalog.idOf(text).orElseGet(catalog::nextId);
    SchemaLogRecord record = new SchemaLogRecord(subject, catalog.nextVersion(subject), id, text, false);
    try {
      log.append(record);
    } catch (KafkaException e) {
      throw new SchemaRegistryException(500, SchemaRegistryException.BACKEND_STORE_ERROR,
          "Error in the backend data store: " + e.getMessage(), e);
    }
    catalog.apply(record);
    LOGGER.info("Registered {} version {} as schema id {}", subject, record.version(), id);
    return id;
  }

  /** The version of {@code subject} that holds this schema (Confluent's {@code POST /subjects/{subject}}). */
  RegisteredSchema lookup(String subject, String schemaJson) {
    String text = parse(schemaJson).toString();
    requireSubject(subject);
    return catalog.find(subject, text).orElseThrow(() -> new SchemaRegistryException(404,
        SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found"));
  }

  /** The schema of {@code id}; an id unknown here may have been minted by another instance since. */
  Schema schemaById(int id) {
    Optional<Schema> schema = catalog.schema(id);
    if (schema.isEmpty()) {
      synchronized (this) {
        catchUp();
      }
      schema = catalog.schema(id);
    }
    return schema.orElseThrow(() -> new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
        "Schema " + id + " not found"));
  }

  List<String> subjects() {
    return catalog.subjects();
  }

  List<Integer> versions(String subject) {
    return catalog.versions(subject).orElseThrow(() -> subjectNotFound(subject));
  }

  /** Version {@code version} of {@code subject}, or its latest when {@code version} is empty. */
  RegisteredSchema version(String subject, Optional<Integer> version) {
    requireSubject(subject);
    Optional<RegisteredSchema> found = version.isEmpty()
        ? catalog.latest(subject)
        : catalog.version(subject, version.get());
    return found.orElseThrow(() -> new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND,
        "Version " + version.map(String::valueOf).orElse("latest") + " not found."));
  }

  @Override
  public void close() {
    log.close();
  }

  private void catchUp() {
    try {
      log.readToEnd(catalog::apply);
    } catch (KafkaException | IllegalStateException e) {
      throw new SchemaRegistryException(500, SchemaRegistryException.BACKEND_STORE_ERROR,
          "Error in the backend data store: " + e.getMessage(), e);
    }
  }

  private void requireSubject(String subject) {
    if (!catalog.hasSubject(subject)) {
      throw subjectNotFound(subject);
    }
  }

  private static SchemaRegistryException subjectNotFound(String subject) {
    return new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
        "Subject '" + subject + "' not found.");
  }

  private static Schema parse(String schemaJson) {
    if (schemaJson == null || schemaJson.isBlank()) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA, "Empty schema");
    }
    try {
      return new Schema.Parser().parse(schemaJson);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Avro's parser fails on some bad schemas with other exceptions (a negative fixed size, a
      // default of the wrong type, an unknown named type): still the client's schema at fault.
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: " + e, e);
    }
  }

  /** BACKWARD: a consumer on the new schema must read what the latest schema wrote. */
  private static void requireBackwardCompatible(String subject, Schema schema, RegisteredSchema latest) {
    SchemaCompatibility.SchemaCompatibilityResult result = SchemaCompatibility
        .checkReaderWriterCompatibility(schema, latest.schema()).getResult();
    if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      String details = result.getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
          .collect(Collectors.joining("; "));
      throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
          "Schema being registered is incompatible with an earlier schema for subject \"" + subject
              + "\" (version " + latest.version() + ", BACKWARD): " + details);
    }
  }
}
