package io.chartstream.topology;

import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.display.DisplayPointStage;
import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.s52.ConditionalProcedures;
import io.chartstream.topology.s52.MarinerSettings;
import io.chartstream.topology.s52.Presentation;
import io.chartstream.topology.s52.S52Styler;
import io.chartstream.topology.s52.TableChoice;
import io.chartstream.topology.triangulate.TriangulationStage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chart rules of S-57 ENCs as the old chain applied them: a chart's level from its usage band
 * (its compilation scale as fallback, {@link LevelTable}); every feature with a geometry placed,
 * with all its attributes; and the stages given, by default none, with
 * {@link #presentation} the old chain's MainProduction and PostProduction.
 *
 * @param levels chart → level
 * @param stages what happens to each feature's pieces after clipping
 */
public record S57ChartProfile(LevelTable levels, FeatureStages stages) implements ChartProfile {
  public S57ChartProfile {
    Objects.requireNonNull(levels, "levels");
    Objects.requireNonNull(stages, "stages");
  }

  /** The default level table, no stages. */
  public static S57ChartProfile defaults() {
    return new S57ChartProfile(LevelTable.defaults(), FeatureStages.none());
  }

  /**
   * Triangles for area pieces, one display point per feature, and its S-52 presentation from
   * {@code presentation} (the built-in tables of {@code config/s52} or an official PresLib
   * {@code .dai}) under {@code settings}, on {@code grid}.
   */
  public static FeatureStages presentation(RclGrid grid, Presentation presentation, MarinerSettings settings, TableChoice tables) {
    S52Styler styler = new S52Styler(presentation, settings, tables, ConditionalProcedures.of(presentation)); // immutable, shared
    return new FeatureStages(List.of(
        () -> new TriangulationStage(grid),
        () -> new DisplayPointStage(grid),
        () -> styler));
  }

  public S57ChartProfile withLevels(LevelTable table) {
    return new S57ChartProfile(table, stages);
  }

  public S57ChartProfile withStages(FeatureStages featureStages) {
    return new S57ChartProfile(levels, featureStages);
  }

  @Override
  public int levelFor(String chartId, int compilationScale) {
    return levels.levelFor(chartId, compilationScale);
  }

  @Override
  public int maxRcls(int level) {
    return levels.maxRcls(level);
  }

  @Override
  public boolean placed(S57Feature feature) {
    return feature.getGeometry() != null;
  }

  @Override
  public Map<String, Object> attributes(S57Feature feature) {
    return feature.getAttributes();
  }
}
