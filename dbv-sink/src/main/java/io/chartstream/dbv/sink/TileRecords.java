package io.chartstream.dbv.sink;

import io.chartstream.dbv.EncodedTile;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns an {@code rcl.tiles} value (Confluent wire format) into the {@link EncodedTile} the
 * writer stores. A tile written with {@link RclTile}'s own schema, as the topology writes them,
 * keeps its Avro bytes: only the fields before the features are read, and the bytes are
 * compressed as they came. A tile written with another schema (an older or newer producer) is
 * decoded into the current one and encoded again, so the blob always holds the current schema.
 */
final class TileRecords {
  private static final long CURRENT = SchemaNormalization.parsingFingerprint64(RclTile.SCHEMA$);

  private final SchemaRegistryClient registry;
  private final Deserializer<RclTile> deserializer;
  /** Whether a writer schema id encodes exactly as the current RclTile schema (same parsing form). */
  private final Map<Integer, Boolean> current = new ConcurrentHashMap<>();

  TileRecords(SchemaRegistryClient registry, Deserializer<RclTile> deserializer) {
    this.registry = registry;
    this.deserializer = deserializer;
  }

  EncodedTile read(String topic, byte[] value) {
    int id = AvroWireFormat.schemaId(value);
    if (current.computeIfAbsent(id, i -> SchemaNormalization.parsingFingerprint64(registry.schemaById(i)) == CURRENT)) {
      var tile = EncodedTile.read(value, AvroWireFormat.HEADER_SIZE);
      if (tile.isPresent()) {
        return tile.get();
      }
    }
    return EncodedTile.of(deserializer.deserialize(topic, value));
  }
}
