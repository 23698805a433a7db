package io.chartstream.dbv.sink;

import io.chartstream.dbv.DbvException;

import io.chartstream.dbv.DbvBatch;
import io.chartstream.dbv.DbvChart;
import io.chartstream.dbv.SourcePartition;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.dbv.EncodedTile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns one poll's records into a {@link DbvBatch}: tiles from {@code rcl.tiles} ({@link TileRecords}),
 * catalogue entries (or tombstones) from {@code charts.catalog}, in offset order, with the
 * positions to store. A pure function of the records, so a replay builds the same batch.
 */
final class RecordBatcher {
  private final String tilesTopic;
  private final String catalogTopic;
  private final TileRecords tiles;
  private final Deserializer<ChartCatalogEntry> catalog;
  private final Deserializer<?> catalogKeys;

  RecordBatcher(String tilesTopic, String catalogTopic, TileRecords tiles,
      Deserializer<ChartCatalogEntry> catalog, Deserializer<?> catalogKeys) {
    this.tilesTopic = tilesTopic;
    this.catalogTopic = catalogTopic;
    this.tiles = tiles;
    this.catalog = catalog;
    this.catalogKeys = catalogKeys;
  }

  DbvBatch batch(ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, Long> positions) {
    List<EncodedTile> tileList = new ArrayList<>();
    List<DbvChart> charts = new ArrayList<>();
    Set<String> removed = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      try {
        if (record.topic().equals(tilesTopic)) {
          // A tombstone on rcl.tiles would only mean compaction of a deleted RCL; the topology never
          // deletes tiles, so there is nothing to apply.
          if (record.value() != null) {
            tileList.add(tiles.read(record.topic(), record.value()));
          }
        } else if (record.topic().equals(catalogTopic)) {
          applyCatalog(record, charts, removed);
        }
      } catch (RuntimeException e) {
        // Only the topology writes rcl.tiles, and only ingest charts.catalog: a record neither wrote
        // means the topic is not what the dbv is made from. The sink stops rather than leave a hole
        // in the dbv, and says where.
        throw new DbvException("cannot decode the record at offset " + record.offset() + " of " + record.topic()
            + " partition " + record.partition() + ": " + e.getMessage(), e);
      }
    }
    Map<SourcePartition, Long> nextOffsets = new java.util.HashMap<>();
    positions.forEach((tp, offset) -> nextOffsets.put(new SourcePartition(tp.topic(), tp.partition()), offset));
    return new DbvBatch(tileList, charts, removed, nextOffsets);
  }

  private void applyCatalog(ConsumerRecord<byte[], byte[]> record, List<DbvChart> charts, Set<String> removed) {
    if (record.value() == null) {
      String chartId = String.valueOf(catalogKeys.deserialize(record.topic(), record.key()));
      // The writer deletes removed charts before inserting this batch's entries, so entries
      // before the tombstone must go here, and entries after it stay.
      charts.removeIf(c -> c.chartId().equals(chartId));
      removed.add(chartId);
      return;
    }
    charts.add(DbvChart.of(catalog.deserialize(record.topic(), record.value())));
  }
}
