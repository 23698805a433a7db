package io.chartstream.topology.triangulate;

import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.Triangles;
import io.chartstream.topology.FeatureStage;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import io.chartstream.topology.rcl.RclGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
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

  /**
   * Above this many vertices in its area pieces, a feature's pieces are triangulated in parallel
   * (the common fork-join pool and the stream thread): a few big areas (a coastline zone, a
   * quality polygon of 40,000 vertices) are most of an update's work and of a band-1 chart's,
   * and their pieces are independent. Below it, forking costs more than it saves.
   */
  static final int PARALLEL_VERTICES = 5_000;

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
    Stream<PieceDraft> work = areas.size() > 1 && vertices >= PARALLEL_VERTICES ? areas.parallelStream() : areas.stream();
    // Each piece's outcome in order; the records are set afterwards, on this thread.
    List<Object> outcomes = work.map(this::triangulate).toList();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < areas.size(); i++) {
      switch (outcomes.get(i)) {
        case Triangles triangles -> areas.get(i).record().setTriangles(triangles);
        case String failure -> failures.add(failure);
        default -> throw new IllegalStateException("unexpected outcome " + outcomes.get(i));
      }
    }
    if (!failures.isEmpty()) {
      throw new StageException(AreaTriangulator.FAILED, "no triangles for " + failures.size() + " of "
          + pieces.size() + " pieces: " + String.join("; ", failures));
    }
  }

  /** The piece's triangles, or why there are none. */
  private Object triangulate(PieceDraft piece) {
    Envelope tile = grid.tileEnvelope(piece.rcl());
    try {
      return AreaTriangulator.triangulateArea(piece.geometry(), tile).mesh().toAvro();
    } catch (StageException e) {
      return piece.rcl() + ": " + e.getMessage();
    }
  }
}
