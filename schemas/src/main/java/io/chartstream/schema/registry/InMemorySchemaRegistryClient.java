package io.chartstream.schema.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A registry held in this process's memory: ids global and stable for its lifetime, as a real
 * registry's. For tests of serdes and topologies without a broker ({@code TopologyTestDriver}).
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final List<Schema> schemasById = new ArrayList<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id = idsBySchema.computeIfAbsent(schema.toString(), text -> {
      schemasById.add(schema);
      return schemasById.size();
    });
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    if (id < 1 || id > schemasById.size()) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
    return schemasById.get(id - 1);
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(versionsBySubject.keySet());
  }

  @Override
  public synchronized Optional<RegisteredSchema> latest(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      return Optional.empty();
    }
    int id = versions.getLast();
    return Optional.of(new RegisteredSchema(subject, versions.size(), id, schemasById.get(id - 1)));
  }
}
