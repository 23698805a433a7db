package io.chartstream.topology.triangulate;

import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.FeatureStage;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import io.chartstream.topology.rcl.RclGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The triangulation stage: sets {@code triangles} on every piece whose geometry is a Polygon or
 * MultiPolygon ({@link AreaTriangulator}: a MultiPolygon's polygons in one mesh), in metres
 * relative to the south-west corner of the piece's tile (unbuffered, so a buffered piece may have
 * slightly negative coordinates). Points, lines and collections are left alone.
 *
 * <p>A piece no route triangulates keeps no triangles; the other pieces of the feature keep
 * theirs, and one {@link StageException} ({@value AreaTriangulator#FAILED}) naming every failed
 * RCL is thrown after all pieces were tried, for the processor to report.
 *
 * <p>Stateless apart from its grid ({@code @Immutable}); one instance may serve every thread.
 *
 * @see AreaTriangulator
 * @see io.chartstream.topology.display.DisplayPointStage
 */
public final class TriangulationStage implements FeatureStage {
  private final RclGrid grid;

  public TriangulationStage(RclGrid grid) {
    this.grid = Objects.requireNonNull(grid, "grid");
  }

  @Override
  public void process(S57Feature source, Geometry projected, List<PieceDraft> pieces) {
    List<String> failures = null;
    for (PieceDraft piece : pieces) {
      if (!(piece.geometry() instanceof Polygonal) || piece.geometry().isEmpty()) {
        continue;
      }
      Envelope tile = grid.tileEnvelope(piece.rcl());
      try {
        piece.record().setTriangles(AreaTriangulator.triangulateArea(piece.geometry(), tile).mesh().toAvro());
      } catch (StageException e) {
        if (failures == null) {
          failures = new ArrayList<>();
        }
        failures.add(piece.rcl() + ": " + e.getMessage());
      }
    }
    if (failures != null) {
      throw new StageException(AreaTriangulator.FAILED, "no triangles for " + failures.size() + " of "
          + pieces.size() + " pieces: " + String.join("; ", failures));
    }
  }
}
