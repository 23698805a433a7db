package io.chartstream.topology.streams;

import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.FeatureStage;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import io.chartstream.topology.display.DisplayPointStage;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.s52.ConditionalProcedures;
import io.chartstream.topology.s52.MarinerSettings;
import io.chartstream.topology.s52.Presentation;
import io.chartstream.topology.s52.S52Styler;
import io.chartstream.topology.s52.TableChoice;
import io.chartstream.topology.triangulate.TriangulationStage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;

/**
 * The stages run after clipping, in order (triangulation, display points, S-52 styling), as
 * suppliers, so each stream thread gets its own instances.
 */
public record FeatureStages(List<Supplier<FeatureStage>> suppliers) {
  public static FeatureStages none() {
    return new FeatureStages(List.of());
  }

  /**
   * The old chain's MainProduction and PostProduction: triangles for area pieces, one display
   * point per feature, and its S-52 presentation from {@code presentation} (the built-in tables
   * of {@code config/s52} or an official PresLib {@code .dai}) under {@code settings}.
   */
  public static FeatureStages presentation(RclGrid grid, Presentation presentation, MarinerSettings settings, TableChoice tables) {
    S52Styler styler = new S52Styler(presentation, settings, tables, ConditionalProcedures.of(presentation)); // immutable, shared
    return new FeatureStages(List.of(
        () -> new TriangulationStage(grid),
        () -> new DisplayPointStage(grid),
        () -> styler));
  }

  /** This thread's instances. */
  Chain instantiate() {
    return new Chain(suppliers.stream().map(Supplier::get).toList());
  }

  /** The stages of one stream thread. */
  record Chain(List<FeatureStage> stages) {
    /** Lets each stage start what needs only the whole feature ({@link FeatureStage#prepare}). */
    void prepare(S57Feature source, Geometry projected) {
      for (FeatureStage stage : stages) {
        stage.prepare(source, projected);
      }
    }

    /**
     * Runs every stage; a stage that fails on this feature is skipped for it and its failure
     * returned, so the others still run and the pieces are still placed.
     */
    List<StageException> apply(S57Feature source, Geometry projected, List<PieceDraft> pieces) {
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
