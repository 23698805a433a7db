package io.chartstream.app.embedded;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Tells a feature on {@code s57.features} from a chart version's start or end without decoding
 * it: a value is the union {@link TopicSchemas#CHART_EVENT}, whose Avro encoding begins with the
 * index of its branch. Progress needs to count features, not read them, and a chart's features
 * are nearly all of the topic's bytes. Only for values whose writer schema is the current union
 * (by parsing form); for any other the caller decodes.
 */
final class ChartEventBranch {
  private static final long CURRENT = SchemaNormalization.parsingFingerprint64(TopicSchemas.CHART_EVENT);
  private static final int FEATURE = TopicSchemas.CHART_EVENT.getIndexNamed(S57Feature.SCHEMA$.getFullName());

  private final SchemaRegistryClient registry;
  private final Map<Integer, Boolean> current = new ConcurrentHashMap<>();

  ChartEventBranch(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  /** Whether {@code value} is surely an S57Feature written with the current union. */
  boolean isFeature(byte[] value) {
    if (value == null || value.length <= AvroWireFormat.HEADER_SIZE) {
      return false;
    }
    int id = AvroWireFormat.schemaId(value);
    if (!current.computeIfAbsent(id, i -> isCurrent(registry.schemaById(i)))) {
      return false;
    }
    // The branch index is an Avro int (zig-zag varint); the union's three fit in its first byte.
    return value[AvroWireFormat.HEADER_SIZE] == (byte) (FEATURE << 1);
  }

  private static boolean isCurrent(Schema writer) {
    return SchemaNormalization.parsingFingerprint64(writer) == CURRENT;
  }
}
