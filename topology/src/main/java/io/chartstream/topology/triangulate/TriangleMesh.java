package io.chartstream.topology.triangulate;

import io.chartstream.schema.avro.Triangles;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Indexed triangles on primitive arrays: vertices as {@code x0, y0, x1, y1, …} and three vertex
 * indices per triangle, the shape of the Avro {@link Triangles} record without its boxing. What
 * the triangulators return; {@link #toAvro()} hands it to the record without copying.
 *
 * <p>A mesh says nothing about orientation by itself: the triangulators and
 * {@link TriangulationCheck} make every triangle counter-clockwise. Vertices nobody indexes (a
 * collinear vertex the triangulator skipped) may stay in the vertex array.
 *
 * <p>Immutable by convention ({@code @Immutable}): the arrays are owned, never handed out.
 *
 * @see TriangulationCheck
 * @see AreaTriangulator
 */
public final class TriangleMesh {
  /** No triangles. */
  public static final TriangleMesh EMPTY = new TriangleMesh(new double[0], new int[0]);

  private final double[] xy;
  private final int[] indices;

  /**
   * A mesh over {@code xy} (owned from now on) with {@code indices} (owned too).
   *
   * @throws IllegalArgumentException when the arrays' lengths are not multiples of 2 and 3
   */
  public TriangleMesh(double[] xy, int[] indices) {
    if (xy.length % 2 != 0 || indices.length % 3 != 0) {
      throw new IllegalArgumentException(xy.length + " ordinates, " + indices.length + " indices");
    }
    this.xy = xy;
    this.indices = indices;
  }

  /** The meshes one after another, indices shifted: how a MultiPolygon's parts are joined. */
  public static TriangleMesh concat(List<TriangleMesh> meshes) {
    if (meshes.size() == 1) {
      return meshes.getFirst();
    }
    int ordinates = 0;
    int count = 0;
    for (TriangleMesh m : meshes) {
      ordinates += m.xy.length;
      count += m.indices.length;
    }
    double[] xy = new double[ordinates];
    int[] indices = new int[count];
    int o = 0;
    int c = 0;
    for (TriangleMesh m : meshes) {
      System.arraycopy(m.xy, 0, xy, o, m.xy.length);
      int shift = o / 2;
      for (int index : m.indices) {
        indices[c++] = index + shift;
      }
      o += m.xy.length;
    }
    return new TriangleMesh(xy, indices);
  }

  public int vertexCount() {
    return xy.length / 2;
  }

  public int triangleCount() {
    return indices.length / 3;
  }

  public double x(int vertex) {
    return xy[2 * vertex];
  }

  public double y(int vertex) {
    return xy[2 * vertex + 1];
  }

  /** The {@code corner}-th (0..2) vertex index of triangle {@code triangle}. */
  public int vertex(int triangle, int corner) {
    return indices[3 * triangle + corner];
  }

  /**
   * Twice the signed area of a triangle (the cross product, in plain double arithmetic, as a
   * reader of the record would compute it): positive when counter-clockwise.
   */
  public double doubleSignedArea(int triangle) {
    int a = 2 * indices[3 * triangle];
    int b = 2 * indices[3 * triangle + 1];
    int c = 2 * indices[3 * triangle + 2];
    return (xy[b] - xy[a]) * (xy[c + 1] - xy[a + 1]) - (xy[b + 1] - xy[a + 1]) * (xy[c] - xy[a]);
  }

  /** The sum of the triangles' signed areas. */
  public double area() {
    double twice = 0;
    for (int t = 0; t < triangleCount(); t++) {
      twice += doubleSignedArea(t);
    }
    return twice / 2;
  }

  /** This mesh with every coordinate multiplied by {@code factor}: grid steps to metres. */
  public TriangleMesh scaled(double factor) {
    double[] out = new double[xy.length];
    for (int i = 0; i < xy.length; i++) {
      out[i] = xy[i] * factor;
    }
    return new TriangleMesh(out, indices);
  }

  /** The Avro record, over views of this mesh's arrays (no copy; boxed on each read). */
  public Triangles toAvro() {
    return new Triangles(new DoubleView(xy), new IntView(indices));
  }

  @Override
  public String toString() {
    return "TriangleMesh[" + vertexCount() + " vertices, " + triangleCount() + " triangles]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriangleMesh other && Arrays.equals(xy, other.xy) && Arrays.equals(indices, other.indices);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(xy) + Arrays.hashCode(indices);
  }

  /** A read-only list view of a double array. */
  private static final class DoubleView extends AbstractList<Double> implements RandomAccess {
    private final double[] values;

    DoubleView(double[] values) {
      this.values = values;
    }

    @Override
    public Double get(int i) {
      return values[i];
    }

    @Override
    public int size() {
      return values.length;
    }
  }

  /** A read-only list view of an int array. */
  private static final class IntView extends AbstractList<Integer> implements RandomAccess {
    private final int[] values;

    IntView(int[] values) {
      this.values = values;
    }

    @Override
    public Integer get(int i) {
      return values[i];
    }

    @Override
    public int size() {
      return values.length;
    }
  }
}
