package io.chartstream.topology.streams;

import io.chartstream.topology.ChartProfile;
import io.chartstream.topology.FeatureStages;
import io.chartstream.topology.S57ChartProfile;
import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import java.time.Duration;

/**
 * The settings of the topology, parsed once.
 *
 * @param targetCrs      CRS of tile coordinates, e.g. {@code EPSG:3395}
 * @param grid           the RCL grid over that CRS's square extent
 * @param profile        the chart rules: levels, which features and attributes, which stages
 * @param bufferFraction buffer kept around each tile when clipping lines and areas, as a
 *                       fraction of the tile edge (0: exact partition)
 * @param emitInterval   how often changed RCLs are checked and finished ones emitted: a pass
 *                       batches the re-emissions of an RCL that several charts change at once
 * @param stores         where the state stores live: RocksDB (production) or the heap (tests in
 *                       {@code TopologyTestDriver}, which flushes every store after every record)
 * @param maxRecordBytes largest record the topology writes to a topic, internal ones and
 *                       {@code rcl.tiles} included; a bigger one is a dead letter instead
 *                       ({@link RecordSizeGuard}). Default {@link RecordSizeGuard#DEFAULT_MAX_BYTES}.
 */
public record TopologyConfig(String targetCrs, RclGrid grid, ChartProfile profile, double bufferFraction,
                             Duration emitInterval, StoreKind stores, int maxRecordBytes) {
  /** Where the state stores keep their data. */
  public enum StoreKind { PERSISTENT, IN_MEMORY }

  public static TopologyConfig defaults() {
    return new TopologyConfig("EPSG:3395", RclGrid.worldMercator(), S57ChartProfile.defaults(), 1.0 / 64,
        Duration.ofSeconds(1), StoreKind.PERSISTENT, RecordSizeGuard.DEFAULT_MAX_BYTES);
  }

  public TopologyConfig withBuffer(double fraction) {
    return new TopologyConfig(targetCrs, grid, profile, fraction, emitInterval, stores, maxRecordBytes);
  }

  public TopologyConfig withProfile(ChartProfile chartProfile) {
    return new TopologyConfig(targetCrs, grid, chartProfile, bufferFraction, emitInterval, stores, maxRecordBytes);
  }

  public TopologyConfig withEmitInterval(Duration interval) {
    return new TopologyConfig(targetCrs, grid, profile, bufferFraction, interval, stores, maxRecordBytes);
  }

  public TopologyConfig withStores(StoreKind kind) {
    return new TopologyConfig(targetCrs, grid, profile, bufferFraction, emitInterval, kind, maxRecordBytes);
  }

  public TopologyConfig withMaxRecordBytes(int bytes) {
    return new TopologyConfig(targetCrs, grid, profile, bufferFraction, emitInterval, stores, bytes);
  }

  /** The S-57 profile with {@code featureStages} (the profile must be an {@link S57ChartProfile}). */
  public TopologyConfig withStages(FeatureStages featureStages) {
    return withProfile(s57().withStages(featureStages));
  }

  /** The S-57 profile with {@code table} (the profile must be an {@link S57ChartProfile}). */
  public TopologyConfig withLevels(LevelTable table) {
    return withProfile(s57().withLevels(table));
  }

  private S57ChartProfile s57() {
    if (profile instanceof S57ChartProfile s57) {
      return s57;
    }
    throw new IllegalStateException("levels and stages are set on an S57ChartProfile, not on " + profile.getClass().getName());
  }
}
