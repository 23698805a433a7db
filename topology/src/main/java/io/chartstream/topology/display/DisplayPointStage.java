package io.chartstream.topology.display;

import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.BigFeature;
import io.chartstream.topology.FeatureStage;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.rcl.RclKey;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The display-point stage: finds the display point of the whole feature
 * ({@link DisplayPointFinder} on the projected geometry, not on a piece, so the point does not
 * depend on the tiling) and sets it on exactly one piece: the piece in the tile that owns the
 * point ({@link RclGrid#tileAt}, at the pieces' level), so a renderer of that tile draws the
 * label once; if no piece is there (the point lies in a part the clipper cut away, or outside
 * the grid), the piece whose geometry is nearest to the point, the first of equals. With several
 * pieces in the home tile, the nearest of them.
 *
 * <p>A feature without pieces or with an empty geometry gets no display point.
 *
 * <p>For a {@link BigFeature} (a maximum inscribed circle of tens of thousands of vertices takes
 * a tenth of a second) the point is found in
 * {@link #prepare}, on the common fork-join pool, while the stream thread clips the feature. One
 * instance per stream thread: it holds the point being found.
 *
 * @see DisplayPointFinder
 * @see io.chartstream.topology.triangulate.TriangulationStage
 */
public final class DisplayPointStage implements FeatureStage {
  private final RclGrid grid;
  /** The geometry whose point {@link #preparing} finds, or null. */
  private Geometry prepared;
  private CompletableFuture<Coordinate> preparing;

  public DisplayPointStage(RclGrid grid) {
    this.grid = Objects.requireNonNull(grid, "grid");
  }

  @Override
  public void prepare(S57Feature source, Geometry projected) {
    prepared = null;
    preparing = null;
    if (projected != null && projected.getNumPoints() >= BigFeature.VERTICES) {
      prepared = projected;
      preparing = CompletableFuture.supplyAsync(() -> DisplayPointFinder.find(projected));
    }
  }

  @Override
  public void process(S57Feature source, Geometry projected, List<PieceDraft> pieces) {
    CompletableFuture<Coordinate> ready = prepared == projected ? preparing : null;
    prepared = null;
    preparing = null;
    if (pieces.isEmpty()) {
      return;
    }
    Coordinate point = ready == null ? DisplayPointFinder.find(projected) : joined(ready);
    if (point == null) {
      return;
    }
    RclKey home = grid.tileAt(point.x, point.y, pieces.getFirst().rcl().level());
    PieceDraft carrier = nearest(pieces, point, home);
    if (carrier == null) {
      carrier = nearest(pieces, point, null);
    }
    carrier.record().setDisplayPoint(new DisplayPoint(point.x, point.y));
  }

  private static Coordinate joined(CompletableFuture<Coordinate> point) {
    try {
      return point.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e; // as if found on this thread
    }
  }

  /** The piece nearest to {@code point} among those in {@code rcl} (all when null); null when none is there. */
  private static PieceDraft nearest(List<PieceDraft> pieces, Coordinate point, RclKey rcl) {
    PieceDraft best = null;
    int candidates = 0;
    for (PieceDraft piece : pieces) {
      if (rcl == null || piece.rcl().equals(rcl)) {
        candidates++;
        best = best == null ? piece : best;
      }
    }
    if (candidates <= 1) {
      return best; // the usual case: one piece per tile, no distance to compute
    }
    Geometry target = pieces.getFirst().geometry().getFactory().createPoint(point);
    double bestDistance = Double.POSITIVE_INFINITY;
    for (PieceDraft piece : pieces) {
      if (rcl == null || piece.rcl().equals(rcl)) {
        double d = piece.geometry().distance(target);
        if (d < bestDistance) {
          bestDistance = d;
          best = piece;
        }
      }
    }
    return best;
  }
}
