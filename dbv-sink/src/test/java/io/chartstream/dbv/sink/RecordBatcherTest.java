package io.chartstream.dbv.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartstream.dbv.DbvBatch;
import io.chartstream.dbv.SourcePartition;
import io.chartstream.dbv.TestTiles;
import io.chartstream.dbv.TileBlobCodec;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartVersion;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.InMemorySchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import io.chartstream.schema.serde.AvroWireSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordBatcherTest {
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroWireSerializer<Object> keys = new AvroWireSerializer<>(registry, TopicSchemas.STRING_KEY, true);
  private final AvroWireSerializer<Object> values = new AvroWireSerializer<>(registry, TopicSchemas.CATALOG_ENTRY, false);
  private final AvroWireSerializer<Object> tiles = new AvroWireSerializer<>(registry, TopicSchemas.RCL_TILE, false);
  private final RecordBatcher batcher = new RecordBatcher("t", "c",
      new TileRecords(registry, new AvroWireDeserializer<RclTile>(registry, TopicSchemas.RCL_TILE)),
      new AvroWireDeserializer<ChartCatalogEntry>(registry, TopicSchemas.CATALOG_ENTRY),
      new AvroWireDeserializer<Object>(registry, TopicSchemas.STRING_KEY));

  @Test
  void decodesTilesAndAppliesTombstonesInOrder() {
    TopicPartition tp = new TopicPartition("c", 0);
    TopicPartition tilesTp = new TopicPartition("t", 0);
    RclTile tile = TestTiles.tile(12, 1, 2, 1, 3);
    List<ConsumerRecord<byte[], byte[]>> catalog = new ArrayList<>();
    catalog.add(record("c", 0, "A", entry("A", 1)));
    catalog.add(record("c", 1, "A", null));
    catalog.add(record("c", 2, "B", entry("B", 1)));
    catalog.add(record("c", 3, "B", null));
    catalog.add(record("c", 4, "B", entry("B", 2)));
    List<ConsumerRecord<byte[], byte[]>> tileRecords =
        List.of(new ConsumerRecord<>("t", 0, 0, new byte[] {0}, tiles.serialize("t", tile)));
    ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(tp, catalog, tilesTp, tileRecords), Map.of());

    DbvBatch batch = batcher.batch(records, Map.of(tp, 5L, tilesTp, 1L));

    assertEquals(1, batch.tiles().size());
    assertEquals(tile, new TileBlobCodec().decode(new TileBlobCodec().compress(batch.tiles().getFirst())));
    assertEquals(Set.of("A", "B"), batch.removedCharts());
    // A's entry came before its tombstone, B's second entry after: only that one is left to insert.
    assertEquals(List.of("B 2:0:20240101:20230101"),
        batch.charts().stream().map(c -> c.chartId() + " " + c.revision()).toList());
    assertEquals(Map.of(new SourcePartition("c", 0), 5L, new SourcePartition("t", 0), 1L), batch.nextOffsets());
  }

  private ConsumerRecord<byte[], byte[]> record(String topic, long offset, String key, ChartCatalogEntry value) {
    return new ConsumerRecord<>(topic, 0, offset, keys.serialize(topic, key),
        value == null ? null : values.serialize(topic, value));
  }

  private static ChartCatalogEntry entry(String chartId, int edition) {
    return ChartCatalogEntry.newBuilder().setChartId(chartId).setSource(CatalogSource.CELL)
        .setFile(chartId + ".000").setProducer("US")
        .setVersion(new ChartVersion(edition, 0, "20240101", "20230101")).build();
  }
}
