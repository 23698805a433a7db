package io.chartstream.schema.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's in-memory index of every schema version read from or written to its
 * topic: schemas by id, ids by schema text, versions by subject. It holds no policy: which id or
 * version a new registration gets is {@link SchemaStore}'s decision, made from {@link #nextId()}
 * and {@link #nextVersion(String)}.
 *
 * <p>A schema's identity is the text of {@link Schema#toString()} of the parsed schema, as
 * Confluent's registry compares them: deterministic, and docs and properties count, so a schema
 * whose docs changed is a new version. Ids are global; the first id seen for a text wins.
 *
 * <p>{@link #apply} is idempotent (the registry reads back its own writes when it catches up
 * with the topic). Thread-safe: every method holds the instance's monitor.
 */
final class SchemaCatalog {
  private static final Logger LOGGER = LoggerFactory.getLogger(SchemaCatalog.class);

  /** One version of a subject with its identity text, kept to compare without re-serialising. */
  private record Entry(RegisteredSchema registered, String text) {}

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByText = new HashMap<>();
  private final Map<String, NavigableMap<Integer, Entry>> subjects = new TreeMap<>();
  /** Highest version ever used per subject, deleted ones included: Confluent never reuses one. */
  private final Map<String, Integer> maxVersions = new HashMap<>();
  private int maxId;

  /** Adds (or, when {@code deleted}, removes) one schema version. */
  synchronized void apply(SchemaLogRecord record) {
    // Ids and versions are taken even by records that cannot be served, so none is ever reused.
    maxId = Math.max(maxId, record.id());
    maxVersions.merge(record.subject(), record.version(), Math::max);
    if (record.deleted()) {
      NavigableMap<Integer, Entry> versions = subjects.get(record.subject());
      if (versions != null && versions.remove(record.version()) != null && versions.isEmpty()) {
        subjects.remove(record.subject());
      }
      return;
    }
    Schema schema;
    try {
      schema = new Schema.Parser().parse(record.schema());
    } catch (SchemaParseException e) {
      LOGGER.warn("Skipping id {} ({} version {}): not a valid Avro schema: {}",
          record.id(), record.subject(), record.version(), e.getMessage());
      return;
    }
    String text = schema.toString();
    schemasById.putIfAbsent(record.id(), schema);
    idsByText.putIfAbsent(text, record.id());
    RegisteredSchema registered = new RegisteredSchema(record.subject(), record.version(), record.id(), schema);
    subjects.computeIfAbsent(record.subject(), s -> new TreeMap<>()).put(record.version(), new Entry(registered, text));
  }

  synchronized Optional<Schema> schema(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The id of a schema, by its identity text, under whichever subject it was registered. */
  synchronized Optional<Integer> idOf(String text) {
    return Optional.ofNullable(idsByText.get(text));
  }

  /** Subjects with at least one live version, in lexical order. */
  synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  /** The live versions of {@code subject} in ascending order, or empty for an unknown subject. */
  synchronized Optional<List<Integer>> versions(String subject) {
    NavigableMap<Integer, Entry> versions = subjects.get(subject);
    return versions == null ? Optional.empty() : Optional.of(List.copyOf(versions.keySet()));
  }

  synchronized Optional<RegisteredSchema> version(String subject, int version) {
    NavigableMap<Integer, Entry> versions = subjects.get(subject);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version)).map(Entry::registered);
  }

  synchronized Optional<RegisteredSchema> latest(String subject) {
    NavigableMap<Integer, Entry> versions = subjects.get(subject);
    return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue().registered());
  }

  /** The version of {@code subject} whose schema has this identity text, if any. */
  synchronized Optional<RegisteredSchema> find(String subject, String text) {
    NavigableMap<Integer, Entry> versions = subjects.getOrDefault(subject, new TreeMap<>());
    return versions.values().stream().filter(e -> e.text().equals(text)).map(Entry::registered).findFirst();
  }

  synchronized boolean hasSubject(String subject) {
    return subjects.containsKey(subject);
  }

  /** The id for a schema never seen: ids start at 1, as Confluent's do. */
  synchronized int nextId() {
    return maxId + 1;
  }

  synchronized int nextVersion(String subject) {
    return maxVersions.getOrDefault(subject, 0) + 1;
  }
}
