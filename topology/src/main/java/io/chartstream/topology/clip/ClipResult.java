package io.chartstream.topology.clip;

import java.util.List;

/**
 * What {@link TileClipper#clip} made of one geometry. Bad geometry never throws: the caller tells
 * from {@link #failure()} (and counts the code) whether the feature could be clipped at all.
 *
 * @param pieces            one piece per tile, in key order; empty for empty input, input wholly
 *                          outside the grid, or a failure
 * @param repaired          the input was invalid, and GeometryFixer's repair of it was clipped
 * @param partlyOutsideGrid some of the input lay beyond the grid's extent and was cut
 * @param failure           null when fine, else a snake_case code: {@link #REPAIR_FAILED},
 *                          {@link #REPAIRED_TO_EMPTY}, {@link #CLIP_FAILED}
 */
public record ClipResult(List<TilePiece> pieces, boolean repaired, boolean partlyOutsideGrid, String failure) {
  /** {@link #failure()}: GeometryFixer threw on the invalid input. */
  public static final String REPAIR_FAILED = "repair_failed";
  /** {@link #failure()}: the invalid input repaired to nothing (e.g. a ring of two points, a zero-length line). */
  public static final String REPAIRED_TO_EMPTY = "repaired_to_empty";
  /** {@link #failure()}: clipping failed on the valid (or repaired) geometry; a last resort that should not happen. */
  public static final String CLIP_FAILED = "clip_failed";

  public ClipResult {
    pieces = List.copyOf(pieces);
  }

  /** True when the geometry could not be clipped; {@link #failure()} says why. */
  public boolean failed() {
    return failure != null;
  }
}
