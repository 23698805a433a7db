package io.chartstream.topology;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One step of the old chain's MainProduction and PostProduction, run on each feature after
 * clipping and before the RCL repartition: triangulation, display points, S-52 styling.
 *
 * <p>A stage sees the source feature, its whole geometry in the target CRS, and the drafts of its
 * pieces (one per RCL), and fills fields of the drafts. It must be a pure function of these and
 * of its own settings, so that a settings change is applied by replaying the topics. Stages run
 * on the stream threads; one instance per thread ({@link java.util.function.Supplier}s in the
 * topology config), so they may keep scratch state.
 */
@FunctionalInterface
public interface FeatureStage {
  void process(S57Feature source, Geometry projected, List<PieceDraft> pieces);

  /**
   * Called before the feature is clipped, with what {@link #process} will get then except the
   * pieces: a stage whose costly part needs only the whole feature may start it on another core,
   * to overlap with clipping, and pick it up in {@link #process} (for the same {@code projected}
   * instance; a feature that cannot be clipped never reaches {@code process}). Does nothing by
   * default.
   */
  default void prepare(S57Feature source, Geometry projected) {}
}
