package io.chartstream.topology;

import io.chartstream.schema.avro.S57Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;

/**
 * The {@link FeatureStage}s a {@link ChartProfile} runs after clipping, in order, as suppliers,
 * so each stream thread gets its own instances ({@link #instantiate}).
 */
public record FeatureStages(List<Supplier<FeatureStage>> suppliers) {
  public FeatureStages {
    suppliers = List.copyOf(suppliers);
  }

  public static FeatureStages none() {
    return new FeatureStages(List.of());
  }

  /** This thread's instances. */
  public Chain instantiate() {
    return new Chain(suppliers.stream().map(Supplier::get).toList());
  }

  /** The stages of one stream thread. */
  public record Chain(List<FeatureStage> stages) {
    /** Lets each stage start what needs only the whole feature ({@link FeatureStage#prepare}). */
    public void prepare(S57Feature source, Geometry projected) {
      for (FeatureStage stage : stages) {
        stage.prepare(source, projected);
      }
    }

    /**
     * Runs every stage; a stage that fails on this feature is skipped for it and its failure
     * returned, so the others still run and the pieces are still placed.
     */
    public List<StageException> apply(S57Feature source, Geometry projected, List<PieceDraft> pieces) {
      List<StageException> failures = new ArrayList<>();
      for (FeatureStage stage : stages) {
        try {
          stage.process(source, projected, pieces);
        } catch (StageException e) {
          failures.add(e);
        }
      }
      return failures;
    }
  }
}
