package io.chartstream.topology.project;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * An edit of one coordinate in place, applied to every coordinate of a geometry: JTS's
 * {@link CoordinateSequenceFilter} without its two flags, which every edit here sets the same
 * way (never done early, so no vertex is skipped; geometry changed, so envelopes are recomputed).
 */
@FunctionalInterface
public interface CoordinateEdit {
  void edit(CoordinateSequence sequence, int index);

  /** Applies {@code edit} to every coordinate of {@code geometry}, in place. */
  static void everywhere(Geometry geometry, CoordinateEdit edit) {
    geometry.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence sequence, int index) {
        edit.edit(sequence, index);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
  }
}
