package io.chartstream.dbv;

import io.chartstream.schema.avro.RclTile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sink transaction writes: tiles, catalogue changes and the next offset to read from each
 * partition, so that data and position are committed together or not at all.
 *
 * @param tiles tiles to upsert (only newer sequences replace stored rows)
 * @param charts chart versions to upsert, in topic order
 * @param removedCharts chart ids whose catalogue entry was deleted (a tombstone), applied first
 * @param nextOffsets per partition, the offset of the next record to read
 */
public record DbvBatch(
    List<EncodedTile> tiles,
    List<DbvChart> charts,
    Set<String> removedCharts,
    Map<SourcePartition, Long> nextOffsets) {

  public DbvBatch {
    tiles = List.copyOf(tiles);
    charts = List.copyOf(charts);
    removedCharts = Set.copyOf(removedCharts);
    nextOffsets = Map.copyOf(nextOffsets);
  }

  /** Only tiles and offsets. */
  public static DbvBatch ofTiles(List<RclTile> tiles, Map<SourcePartition, Long> nextOffsets) {
    return new DbvBatch(tiles.stream().map(EncodedTile::of).toList(), List.of(), Set.of(), nextOffsets);
  }
}
