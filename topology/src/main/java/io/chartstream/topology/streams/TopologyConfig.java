package io.chartstream.topology.streams;

import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import java.time.Duration;

/**
 * The settings of the topology, parsed once.
 *
 * @param targetCrs      CRS of tile coordinates, e.g. {@code EPSG:3395}
 * @param grid           the RCL grid over that CRS's square extent
 * @param levels         chart → level (usage band, compilation scale as fallback)
 * @param bufferFraction buffer kept around each tile when clipping lines and areas, as a
 *                       fraction of the tile edge (0: exact partition)
 * @param emitInterval   how often changed RCLs are checked and finished ones emitted: a pass
 *                       batches the re-emissions of an RCL that several charts change at once
 * @param stages         what happens to each tile feature after clipping (triangulation,
 *                       display points, S-52 styling: {@link FeatureStages#presentation})
 * @param maxRecordBytes largest record the topology writes to a topic, internal ones and
 *                       {@code rcl.tiles} included; a bigger one is a dead letter instead
 *                       ({@link RecordSizeGuard}). Default {@link RecordSizeGuard#DEFAULT_MAX_BYTES}.
 */
public record TopologyConfig(String targetCrs, RclGrid grid, LevelTable levels, double bufferFraction,
                             Duration emitInterval, FeatureStages stages, int maxRecordBytes) {
  public static TopologyConfig defaults() {
    return new TopologyConfig("EPSG:3395", RclGrid.worldMercator(), LevelTable.defaults(), 1.0 / 64,
        Duration.ofSeconds(1), FeatureStages.none(), RecordSizeGuard.DEFAULT_MAX_BYTES);
  }

  public TopologyConfig withBuffer(double fraction) {
    return new TopologyConfig(targetCrs, grid, levels, fraction, emitInterval, stages, maxRecordBytes);
  }

  public TopologyConfig withStages(FeatureStages featureStages) {
    return new TopologyConfig(targetCrs, grid, levels, bufferFraction, emitInterval, featureStages, maxRecordBytes);
  }

  public TopologyConfig withLevels(LevelTable table) {
    return new TopologyConfig(targetCrs, grid, table, bufferFraction, emitInterval, stages, maxRecordBytes);
  }

  public TopologyConfig withEmitInterval(Duration interval) {
    return new TopologyConfig(targetCrs, grid, levels, bufferFraction, interval, stages, maxRecordBytes);
  }

  public TopologyConfig withMaxRecordBytes(int bytes) {
    return new TopologyConfig(targetCrs, grid, levels, bufferFraction, emitInterval, stages, bytes);
  }
}
