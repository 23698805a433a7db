package io.chartstream.topology.triangulate;

import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.Triangles;
import io.chartstream.topology.BigFeature;
import io.chartstream.topology.FeatureStage;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import io.chartstream.schema.tile.TileFrame;
import io.chartstream.topology.rcl.RclGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The triangulation stage: sets {@code triangles} on every piece whose geometry is a Polygon or
 * MultiPolygon ({@link AreaTriangulator}: a MultiPolygon's polygons in one mesh), in metres
 * relative to the south-west corner of the piece's tile (unbuffered, so a buffered piece may have
 * slightly negative coordinates). The pieces are on the tile grid ({@code GridSnap}), and are
 * triangulated and checked in grid steps ({@link AreaTriangulator#triangulateOnGrid}), so the
 * triangles the tile stores are exactly those checked. Points, lines and collections are left alone.
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
    List<PieceDraft> areas = new ArrayList<>(pieces.size());
    int vertices = 0;
    for (PieceDraft piece : pieces) {
      if (piece.geometry() instanceof Polygonal && !piece.geometry().isEmpty()) {
        areas.add(piece);
        vertices += piece.geometry().getNumPoints();
      }
    }
    Stream<PieceDraft> work = areas.size() > 1 && vertices >= BigFeature.VERTICES ? areas.parallelStream() : areas.stream();
    // Each piece's outcome in order; the records are set afterwards, on this thread.
    List<Outcome> outcomes = work.map(this::triangulate).toList();
    List<String> failures = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (outcome.triangles() != null) {
        outcome.piece().record().setTriangles(outcome.triangles());
      } else {
        failures.add(outcome.failure());
      }
    }
    if (!failures.isEmpty()) {
      throw new StageException(AreaTriangulator.FAILED, "no triangles for " + failures.size() + " of "
          + pieces.size() + " pieces: " + String.join("; ", failures));
    }
  }

  /** A piece's triangles, or (null triangles) why there are none. */
  private record Outcome(PieceDraft piece, Triangles triangles, String failure) {}

  private Outcome triangulate(PieceDraft piece) {
    TileFrame frame = grid.tileGrid().frame(piece.rcl().encoded());
    try {
      TriangleMesh steps = AreaTriangulator.triangulateOnGrid(piece.geometry(), frame).mesh();
      return new Outcome(piece, steps.scaled(frame.grid().step()).toAvro(), null);
    } catch (StageException e) {
      return new Outcome(piece, null, piece.rcl() + ": " + e.getMessage());
    }
  }
}
