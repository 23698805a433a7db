package io.chartstream.topology.triangulate;

import io.chartstream.schema.avro.Triangles;
import io.chartstream.schema.tile.TileFrame;
import io.chartstream.topology.StageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import io.chartstream.topology.project.CoordinateEdit;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Triangulates an area piece for drawing, in metres relative to its tile's south-west corner:
 * earcut ({@link EarcutTriangulator}) on the piece moved to the tile's origin, its result checked
 * ({@link TriangulationCheck}: counter-clockwise, non-flat triangles whose areas sum to the
 * polygon's); if earcut fails the check or throws, JTS's ear clipping
 * ({@link JtsEarClipTriangulator}), checked the same way; if that fails too, the polygon is
 * repaired ({@link GeometryFixer}) and each part triangulated by the same two steps, checked
 * against the repaired area. What still fails, or repairs to nothing, is a
 * {@link StageException} with code {@value #FAILED}: never an empty or unchecked mesh.
 *
 * <p>Why earcut: on every area piece of the shared NOAA cells at their chart's level (13,564
 * polygons, 1.5 million vertices, up to 9,730 vertices and 330 holes in one polygon), earcut was
 * 2.7 times as fast as JTS's ear clipping and 6.8 times as fast as JTS's constrained Delaunay
 * triangulation (see {@code docs/BENCHMARKS.md}), and all three passed the check on every piece;
 * earcut's triangles also pass the full invariants of the tests (exact tiling of the piece) on
 * every piece. Earcut's weakness is robustness on degenerate rings (it does not say when it gives
 * up: holes sharing edges, say), which the check and the fallback cover. Triangles are computed on
 * coordinates already relative to the tile, so what is checked is exactly what is stored, and the
 * small numbers cost earcut's arithmetic less precision.
 *
 * <p>Limits: the pieces are expected valid, as the clipper makes them. See
 * {@link TriangulationCheck} for what the check proves: on invalid rings that the check accepts
 * (a ring traced twice has twice the area, and so have its triangles) the mesh follows the rings,
 * not a repair. A repaired polygon's triangles cover the repaired area (GeometryFixer's reading
 * of the rings). Flat triangles are dropped. Stateless and thread-safe ({@code @Immutable}).
 *
 * @see EarcutTriangulator
 * @see JtsEarClipTriangulator
 * @see JtsConstrainedDelaunayTriangulator
 * @see TriangulationStage
 */
public final class AreaTriangulator {
  /** The code of the {@link StageException} for a polygon no route triangulates. */
  public static final String FAILED = "triangulation_failed";

  /** Which way a polygon's triangles were obtained, for counting. Later routes are rarer and costlier. */
  public enum Route {
    /** earcut, checked: the normal way. */
    EARCUT,
    /** earcut failed the check or threw; JTS's ear clipping passed. */
    JTS_EAR_CLIP,
    /** both failed on the polygon as given; its repair by GeometryFixer triangulated. */
    REPAIRED
  }

  /** A piece's triangles, relative to the tile's origin, and the most costly route any of its polygons took. */
  public record TriangulatedArea(TriangleMesh mesh, Route route) {}

  private AreaTriangulator() {}

  /**
   * The triangles of {@code piece}, coordinates relative to the south-west corner of {@code tile}.
   *
   * @throws StageException {@value #FAILED} when no route triangulates it
   */
  public static Triangles triangulate(Polygon piece, Envelope tile) {
    return triangulateArea(piece, tile).mesh().toAvro();
  }

  /**
   * The triangles of every polygon of {@code polygonal} (a Polygon or MultiPolygon), one mesh,
   * coordinates relative to the south-west corner of {@code tile}, and the route taken.
   *
   * @throws StageException {@value #FAILED} when no route triangulates one of its polygons
   * @throws IllegalArgumentException when {@code polygonal} is not polygonal
   */
  public static TriangulatedArea triangulateArea(Geometry polygonal, Envelope tile) {
    if (!(polygonal instanceof Polygonal)) {
      throw new IllegalArgumentException("not an area: " + polygonal.getGeometryType());
    }
    return triangulateLocal(relativeTo(polygonal, tile.getMinX(), tile.getMinY()));
  }

  /**
   * The triangles of {@code polygonal}, a piece on the tile grid ({@code GridSnap}), in grid
   * steps from the south-west corner of the tile {@code frame}: integer coordinates, so the
   * check's orientation and flatness tests and its area sum are exact, and hold for what the tile
   * stores. (In metres, the rounding of coordinates in the tens of millions lets a triangle that
   * is flat on the grid pass as thin, or a thin one flip.) Vertices off the grid are rounded to it.
   *
   * @throws StageException {@value #FAILED} when no route triangulates one of its polygons
   * @throws IllegalArgumentException when {@code polygonal} is not polygonal
   */
  public static TriangulatedArea triangulateOnGrid(Geometry polygonal, TileFrame frame) {
    if (!(polygonal instanceof Polygonal)) {
      throw new IllegalArgumentException("not an area: " + polygonal.getGeometryType());
    }
    Geometry local = polygonal.copy();
    CoordinateEdit.everywhere(local, (seq, i) -> {
      if (!Double.isFinite(seq.getX(i)) || !Double.isFinite(seq.getY(i))) {
        throw failure((Polygon) polygonal.getGeometryN(0), "a vertex is not finite: " + seq.getCoordinate(i));
      }
      seq.setOrdinate(i, CoordinateSequence.X, frame.localX(seq.getX(i)));
      seq.setOrdinate(i, CoordinateSequence.Y, frame.localY(seq.getY(i)));
    });
    return triangulateLocal(local);
  }

  /** Every polygon of {@code relative}, already in the tile's own coordinates, through the routes. */
  private static TriangulatedArea triangulateLocal(Geometry relative) {
    List<TriangleMesh> meshes = new ArrayList<>(relative.getNumGeometries());
    Route route = Route.EARCUT;
    for (int i = 0; i < relative.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) relative.getGeometryN(i);
      if (polygon.isEmpty()) {
        continue;
      }
      TriangulatedArea part = triangulatePolygon(polygon);
      meshes.add(part.mesh());
      route = part.route().compareTo(route) > 0 ? part.route() : route;
    }
    return new TriangulatedArea(meshes.isEmpty() ? TriangleMesh.EMPTY : TriangleMesh.concat(meshes), route);
  }

  /** One polygon, already relative to its tile, through the routes in turn. */
  private static TriangulatedArea triangulatePolygon(Polygon polygon) {
    TriangulatedArea direct = checked(polygon);
    return direct != null ? direct : repaired(polygon);
  }

  /** The repair route: GeometryFixer, then each part of its result by the direct routes. */
  private static TriangulatedArea repaired(Polygon polygon) {
    Geometry fixed;
    try {
      fixed = GeometryFixer.fix(polygon);
    } catch (RuntimeException e) {
      throw failure(polygon, "neither earcut nor JTS's ear clipping triangulates it, and its repair failed: " + e);
    }
    List<TriangleMesh> meshes = new ArrayList<>();
    for (int i = 0; i < fixed.getNumGeometries(); i++) {
      if (fixed.getGeometryN(i) instanceof Polygon part && !part.isEmpty()) {
        TriangulatedArea triangulated = checked(part);
        if (triangulated == null) {
          throw failure(polygon, "neither earcut nor JTS's ear clipping triangulates it, repaired or not");
        }
        meshes.add(triangulated.mesh());
      }
    }
    if (meshes.isEmpty()) {
      throw failure(polygon, "neither earcut nor JTS's ear clipping triangulates it, and its repair leaves nothing");
    }
    return new TriangulatedArea(TriangleMesh.concat(meshes), Route.REPAIRED);
  }

  /** earcut, else JTS's ear clipping, each result checked; null when neither passes. */
  private static TriangulatedArea checked(Polygon polygon) {
    double area = polygon.getArea();
    TriangleMesh mesh = attempt(EarcutTriangulator::triangulate, polygon, area);
    if (mesh != null) {
      return new TriangulatedArea(mesh, Route.EARCUT);
    }
    mesh = attempt(JtsEarClipTriangulator::triangulate, polygon, area);
    return mesh == null ? null : new TriangulatedArea(mesh, Route.JTS_EAR_CLIP);
  }

  private static TriangleMesh attempt(Function<Polygon, TriangleMesh> triangulator, Polygon polygon, double area) {
    try {
      TriangleMesh mesh = triangulator.apply(polygon);
      return TriangulationCheck.problem(mesh, area) == null ? mesh : null;
    } catch (RuntimeException e) {
      return null; // JTS throws on rings it cannot handle; the next route decides
    }
  }

  /**
   * A copy of {@code polygonal} moved by ({@code -originX}, {@code -originY}): each ordinate is
   * {@code x - originX} in double arithmetic, as a test may compute it again.
   */
  public static Geometry relativeTo(Geometry polygonal, double originX, double originY) {
    Geometry copy = polygonal.copy();
    CoordinateEdit.everywhere(copy, (seq, i) -> {
      seq.setOrdinate(i, CoordinateSequence.X, seq.getX(i) - originX);
      seq.setOrdinate(i, CoordinateSequence.Y, seq.getY(i) - originY);
    });
    return copy;
  }

  private static StageException failure(Polygon polygon, String why) {
    return new StageException(FAILED, why + " (" + polygon.getNumPoints() + " vertices, "
        + polygon.getNumInteriorRing() + " holes, area " + polygon.getArea() + ")");
  }
}
