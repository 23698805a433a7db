package io.chartstream.topology.triangulate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.triangulate.tri.Tri;

/** JTS's {@link Tri} lists as meshes: each distinct coordinate becomes one vertex. */
final class JtsTris {
  private JtsTris() {}

  /** The mesh of {@code tris}, each triangle turned counter-clockwise, flat ones dropped. */
  static TriangleMesh toMesh(List<Tri> tris) {
    Map<Coordinate, Integer> index = new HashMap<>(2 * tris.size());
    double[] xy = new double[6 * tris.size()];
    int[] indices = new int[3 * tris.size()];
    int i = 0;
    for (Tri tri : tris) {
      for (int corner = 0; corner < 3; corner++) {
        Coordinate c = tri.getCoordinate(corner);
        Integer v = index.get(c);
        if (v == null) {
          v = index.size();
          index.put(c, v);
          xy[2 * v] = c.x;
          xy[2 * v + 1] = c.y;
        }
        indices[i++] = v;
      }
    }
    double[] used = index.size() * 2 == xy.length ? xy : Arrays.copyOf(xy, index.size() * 2);
    // JTS's Tris carry no orientation of their own: turn each one counter-clockwise
    return TriangulationCheck.dropFlat(used, indices, true);
  }
}
