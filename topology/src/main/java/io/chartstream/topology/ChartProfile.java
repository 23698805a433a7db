package io.chartstream.topology;

import io.chartstream.schema.avro.S57Feature;
import java.util.Map;

/**
 * The chart rules of a production, apart from the machinery that applies them (Planetiler's
 * {@code Profile}): which level a chart goes to, which features have a place in a tile, which
 * attributes a piece keeps, and which stages its pieces go through. The topology
 * ({@code topology.streams}) keeps versions, the ledger, copies and sections, and asks the
 * profile everything else. Implementations are immutable and shared by every stream thread.
 *
 * @see S57ChartProfile
 */
public interface ChartProfile {
  /**
   * The RCL level a chart's features are clipped at.
   *
   * @param compilationScale the chart's compilation scale denominator, 0 when unknown
   * @throws IllegalArgumentException when the chart has no level (reported, and the version is not placed)
   */
  int levelFor(String chartId, int compilationScale);

  /**
   * The most tiles of {@code level} one feature or one catalogue coverage may reach; more is a dead
   * letter, so that no record makes a stage work without bound.
   */
  int maxRcls(int level);

  /** Whether the feature has a place in a tile (a collection object without geometry has none). */
  boolean placed(S57Feature feature);

  /** The attributes the feature's pieces keep. */
  Map<String, Object> attributes(S57Feature feature);

  /** The stages each placed feature's pieces go through after clipping, in order. */
  FeatureStages stages();
}
