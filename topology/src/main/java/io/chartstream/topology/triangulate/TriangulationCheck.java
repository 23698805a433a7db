package io.chartstream.topology.triangulate;

import java.util.Arrays;

/**
 * The cheap, linear-time test that a mesh triangulates a polygon, run on every result before it
 * is kept: every triangle counter-clockwise with a positive cross product, and the triangles'
 * areas summing to the polygon's within a relative {@link #AREA_TOLERANCE}.
 *
 * <p>Limits: necessary, not sufficient. A triangle outside the polygon whose area equals a gap
 * elsewhere would pass; what earcut gets wrong in practice (gaps where it gives up, triangles
 * across a hole, clockwise triangles on twisted rings) changes the sum or the orientation. The
 * tests check the rest on every real piece (each triangle's centroid inside, the union equal to
 * the polygon).
 *
 * <p>Flat triangles: a triangle whose cross product is exactly 0.0 in double arithmetic covers
 * nothing and is dropped ({@link #dropFlat}); so every triangle kept has an area {@code > 0} as a
 * reader computes it from the stored doubles.
 *
 * @see TriangleMesh
 * @see AreaTriangulator
 */
public final class TriangulationCheck {
  /** The relative difference allowed between the triangles' area and the polygon's. */
  public static final double AREA_TOLERANCE = 1e-9;

  private TriangulationCheck() {}

  /**
   * Why {@code mesh} is not a triangulation of an area of {@code expectedArea}, or null when it
   * passes.
   */
  public static String problem(TriangleMesh mesh, double expectedArea) {
    double twice = 0;
    for (int t = 0; t < mesh.triangleCount(); t++) {
      double cross = mesh.doubleSignedArea(t);
      if (!(cross > 0)) { // also NaN
        return "triangle " + t + " is clockwise or flat (cross product " + cross + ")";
      }
      twice += cross;
    }
    double area = twice / 2;
    if (!(Math.abs(area - expectedArea) <= AREA_TOLERANCE * Math.abs(expectedArea))) {
      return "the triangles' area " + area + " differs from the polygon's " + expectedArea;
    }
    return null;
  }

  /**
   * The mesh of {@code indices} over {@code xy} without its flat triangles (cross product 0.0);
   * with {@code orient}, clockwise triangles are turned round, else left for {@link #problem} to
   * find.
   */
  static TriangleMesh dropFlat(double[] xy, int[] indices, boolean orient) {
    int kept = 0;
    for (int t = 0; t < indices.length; t += 3) {
      int i0 = indices[t];
      int i1 = indices[t + 1];
      int i2 = indices[t + 2];
      int a = 2 * i0;
      int b = 2 * i1;
      int c = 2 * i2;
      double cross = (xy[b] - xy[a]) * (xy[c + 1] - xy[a + 1]) - (xy[b + 1] - xy[a + 1]) * (xy[c] - xy[a]);
      if (cross == 0) {
        continue;
      }
      boolean flip = orient && cross < 0;
      indices[kept] = i0;
      indices[kept + 1] = flip ? i2 : i1;
      indices[kept + 2] = flip ? i1 : i2;
      kept += 3;
    }
    return new TriangleMesh(xy, kept == indices.length ? indices : Arrays.copyOf(indices, kept));
  }
}
