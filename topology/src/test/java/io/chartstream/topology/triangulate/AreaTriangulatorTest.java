package io.chartstream.topology.triangulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.Triangles;
import io.chartstream.topology.StageException;
import io.chartstream.topology.clip.ClipResult;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.schema.avro.SectionFeature;
import io.chartstream.schema.avro.TileGeometry;
import io.chartstream.schema.tile.PieceCodec;
import io.chartstream.schema.tile.TileFrame;
import io.chartstream.topology.clip.GridSnap;
import io.chartstream.topology.clip.TilePiece;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.triangulate.AreaTriangulator.Route;
import io.chartstream.topology.triangulate.AreaTriangulator.TriangulatedArea;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKTReader;

/**
 * {@link AreaTriangulator} on generated edge cases, WKT in, invariants out ({@link #checkTri}),
 * then on every area piece of the shared NOAA cells. Most cases use the tile 0..1000 × 0..1000
 * offset to (5000, 7000), so the relative coordinates are the WKT's minus that corner.
 */
class AreaTriangulatorTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final Envelope TILE = new Envelope(5000, 6000, 7000, 8000);

  @Test
  void squareConcaveAndHoled() {
    assertEquals(2, checkTri("POLYGON ((5100 7100, 5900 7100, 5900 7900, 5100 7900, 5100 7100))", Route.EARCUT).triangleCount());
    checkTri("POLYGON ((5100 7100, 5900 7100, 5900 7300, 5300 7300, 5300 7900, 5100 7900, 5100 7100))", Route.EARCUT);
    TriangleMesh holed = checkTri("POLYGON ((5100 7100, 5900 7100, 5900 7900, 5100 7900, 5100 7100),"
        + " (5400 7400, 5400 7600, 5600 7600, 5600 7400, 5400 7400))", Route.EARCUT);
    assertEquals(8, holed.triangleCount(), "n + 2h - 2 triangles");
  }

  @Test
  void clockwiseShellStillGivesCounterClockwiseTriangles() {
    checkTri("POLYGON ((5100 7100, 5100 7900, 5900 7900, 5900 7100, 5100 7100))", Route.EARCUT);
  }

  @Test
  void holeTouchingTheShellAtAVertex() {
    // valid in JTS: a hole may touch the shell at one point
    checkTri("POLYGON ((5100 7100, 5900 7100, 5900 7900, 5100 7900, 5100 7100),"
        + " (5100 7500, 5500 7300, 5500 7700, 5100 7500))", null);
  }

  @Test
  void holesTouchingEachOtherAndTheShell() {
    checkTri("POLYGON ((5100 7100, 5900 7100, 5900 7900, 5100 7900, 5100 7100),"
        + " (5300 7300, 5500 7300, 5500 7500, 5300 7500, 5300 7300), (5500 7500, 5700 7500, 5700 7700, 5500 7700, 5500 7500),"
        + " (5700 7700, 5900 7900, 5800 7700, 5700 7700))", null);
  }

  @Test
  void holesMeetingAtTheirLeftmostPoint() {
    // regression case of mapbox/earcut#177 (holes sorted by leftmost point crossed the bridges), fixed in the earcut4j we use
    checkTri(shifted("POLYGON ((0 0, 20 0, 20 25, 0 25, 0 0), (3 3, 2 12, 9 15, 3 3), (9 21, 2 12, 7 22, 9 21))"), Route.EARCUT);
  }

  @Test
  void holesSharingEdgesFallBackToJtsEarClip() {
    // mapbox/earcut#147: holes sharing edges (invalid in JTS, yet a clear area); earcut's triangles
    // cover 6 % too much, the check sees it, and JTS's ear clipping gets it right
    checkTri(shifted("POLYGON ((-2428 1634, -2425 1471, -2409 1156, -2384 842, -2349 529, -2303 217, -2248 -92, -2183 -401,"
        + " -2138 -588, -2138 -681, -2163 -681, -2163 -1570, -2138 -1570, -2138 -1708, 2641 -1708, 2641 -29, 3200 -29,"
        + " 3200 1634, -2428 1634), (-1845 -1692, -930 -1692, -930 -1387, -1845 -1387, -1845 -1692),"
        + " (-1235 -1387, -321 -1387, -321 -1083, -1235 -1083, -1235 -1387), (-1540 -1083, -625 -1083, -625 -778,"
        + " -1540 -778, -1540 -1083))"), Route.JTS_EAR_CLIP);
  }

  @Test
  void overlappingHolesAreRepaired() {
    // invalid: nested and overlapping holes; earcut's area is wrong and JTS throws, so GeometryFixer first
    Geometry input = read("POLYGON ((5100 7100, 5900 7100, 5900 7900, 5100 7900, 5100 7100),"
        + " (5300 7300, 5600 7300, 5600 7600, 5300 7600, 5300 7300), (5400 7400, 5700 7400, 5700 7700, 5400 7700, 5400 7400))");
    TriangulatedArea t = AreaTriangulator.triangulateArea(input, TILE);
    assertEquals(Route.REPAIRED, t.route());
    Geometry fixed = GeometryFixer.fix(AreaTriangulator.relativeTo(input, TILE.getMinX(), TILE.getMinY()));
    MeshInvariants.check(t.mesh(), fixed, fixed.getArea(), "overlapping holes", true);
  }

  @Test
  void manyHoles() {
    StringBuilder wkt = new StringBuilder("POLYGON ((5000 7000, 6000 7000, 6000 8000, 5000 8000, 5000 7000)");
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        double x = 5010 + 33 * i;
        double y = 7010 + 33 * j;
        wkt.append(String.format(Locale.ROOT, ", (%s %s, %s %s, %s %s, %s %s, %s %s)", x, y, x, y + 20, x + 20, y + 20, x + 20, y, x, y));
      }
    }
    // aligned holes: earcut's triangles may pass through other holes' corners (T-junctions), so fewer than n + 2h - 2
    checkTri(wkt + ")", Route.EARCUT);
  }

  @Test
  void collinearVerticesAlongTheEdges() {
    StringBuilder wkt = new StringBuilder("POLYGON ((5100 7100");
    for (int i = 1; i <= 50; i++) {
      wkt.append(", ").append(5100 + 16 * i).append(" 7100");
    }
    wkt.append(", 5900 7900");
    for (int i = 1; i < 50; i++) {
      wkt.append(", ").append(5900 - 16 * i).append(" 7900");
    }
    checkTri(wkt + ", 5100 7900, 5100 7100))", null);
    // a collinear spike-free zigzag: every third vertex on a straight line
    checkTri("POLYGON ((5100 7100, 5200 7100, 5300 7100, 5300 7200, 5300 7300, 5200 7300, 5100 7300, 5100 7200, 5100 7100))", null);
  }

  @Test
  void sliver() {
    // 800 m long, a millimetre wide, like an overlay's leftover along a tile edge
    TriangleMesh mesh = checkTri("POLYGON ((5100 7500, 5900 7500, 5900 7500.001, 5100 7500.001, 5100 7500))", null);
    assertEquals(2, mesh.triangleCount());
    checkTri("POLYGON ((5100 7500, 5900 7500, 5100 7500.000001, 5100 7500))", null);
  }

  @Test
  void squareWithAHoleOnTheTileEdge() {
    // the hole's east side on the tile's east edge x = 6000: clipped, it becomes a notch of the piece
    RclGrid grid = new RclGrid(new Envelope(0, 1024, 0, 1024));
    ClipResult r = new TileClipper(grid, 0).clip(read(
        "POLYGON ((300 300, 700 300, 700 450, 300 450, 300 300), (400 350, 512 350, 512 400, 400 400, 400 350))"), 2);
    assertEquals(2, r.pieces().size());
    for (TilePiece piece : r.pieces()) {
      checkTri(piece.geometry(), grid.tileEnvelope(piece.rcl()), Route.EARCUT);
    }
    // unclipped: the hole touching the shell along the tile edge at one vertex
    checkTri("POLYGON ((5500 7200, 6000 7200, 6000 7800, 5500 7800, 5500 7200), (5800 7400, 6000 7500, 5800 7600, 5800 7400))", null);
  }

  @Test
  void multiPolygonIsOneMesh() {
    TriangleMesh mesh = checkTri("MULTIPOLYGON (((5100 7100, 5200 7100, 5200 7200, 5100 7200, 5100 7100)),"
        + " ((5500 7500, 5600 7500, 5550 7600, 5500 7500)))", Route.EARCUT);
    assertEquals(3, mesh.triangleCount());
    assertEquals(7, mesh.vertexCount());
  }

  @Test
  void bowTieIsRepaired() {
    // invalid: a self-intersecting ring; earcut and JTS disagree with the area JTS computes for it
    Geometry bowTie = read("POLYGON ((5100 7100, 5900 7900, 5900 7100, 5100 7900, 5100 7100))");
    TriangulatedArea t = AreaTriangulator.triangulateArea(bowTie, TILE);
    assertEquals(Route.REPAIRED, t.route());
    Geometry fixed = GeometryFixer.fix(AreaTriangulator.relativeTo(bowTie, TILE.getMinX(), TILE.getMinY()));
    MeshInvariants.check(t.mesh(), fixed, fixed.getArea(), "bow-tie", true);
    assertEquals(2 * (800 * 400 / 2.0), t.mesh().area(), 1e-6, "two triangles of the bow-tie");
  }

  @Test
  void unrepairableIsAStageException() {
    Polygon infinite = (Polygon) read("POLYGON ((5100 7100, 5900 7100, 5900 7900, 5100 7100))");
    infinite.getExteriorRing().getCoordinateN(1).x = Double.POSITIVE_INFINITY;
    infinite.geometryChanged();
    StageException e = assertThrows(StageException.class, () -> AreaTriangulator.triangulate(infinite, TILE));
    assertEquals("triangulation_failed", e.code());
  }

  @Test
  void emptyAndNotAnArea() {
    assertEquals(0, AreaTriangulator.triangulate((Polygon) read("POLYGON EMPTY"), TILE).getIndices().size());
    assertThrows(IllegalArgumentException.class, () -> AreaTriangulator.triangulateArea(read("LINESTRING (0 0, 1 1)"), TILE));
  }

  @Test
  void avroRecordHoldsTheMeshRelativeToTheSouthWestCorner() {
    Triangles t = AreaTriangulator.triangulate((Polygon) read("POLYGON ((5100 7100, 5900 7100, 5900 7900, 5100 7100))"), TILE);
    assertEquals(List.of(100.0, 100.0, 900.0, 100.0, 900.0, 900.0), t.getVertices());
    assertEquals(3, t.getIndices().size());
  }

  // ---- every area piece of the shared NOAA cells --------------------------------------------

  /**
   * Every area of every shared cell clipped at its chart's level without buffer and put on the
   * tile grid, as the clip stage does: every piece's polygons triangulated and checked in full,
   * with the route each took counted and printed; then through the tile codec, whose triangles
   * (indices into the piece's own vertices) must tile the decoded piece to 1e-9 of its area.
   */
  @Test
  void everyAreaPieceOfTheSharedCells() throws Exception {
    RclGrid grid = RclGrid.worldMercator();
    GridSnap snap = new GridSnap(grid.tileGrid());
    int collapsed = 0;
    int extraVertices = 0;
    Map<Route, Integer> routes = new EnumMap<>(Route.class);
    Map<String, long[]> byClass = new TreeMap<>();
    long started = System.nanoTime();
    List<SharedCellFeatures.AreaPiece> areaPieces = SharedCellFeatures.areaPieces();
    long triangulating = 0;
    long checking = 0;
    int pieces = 0;
    int failed = 0;
    int mostHoles = 0;
    int mostVertices = 0;
    for (SharedCellFeatures.AreaPiece p : areaPieces) {
      Geometry onGrid = snap.snap(p.piece().geometry());
      if (onGrid == null) {
        collapsed++; // a sliver narrower than a step: no piece
        continue;
      }
      TilePiece piece = new TilePiece(p.piece().rcl(), onGrid);
      TileFrame frame = grid.tileGrid().frame(piece.rcl().encoded());
      long t0 = System.nanoTime();
      TriangulatedArea t;
      try {
        t = AreaTriangulator.triangulateOnGrid(piece.geometry(), frame);
      } catch (StageException e) {
        failed++; // what the stage would report, never silent; counted here and must stay 0 on this data
        System.out.println("triangulation failed: " + p.where() + ": " + e.getMessage());
        continue;
      }
      triangulating += System.nanoTime() - t0;
      pieces++;
      routes.merge(t.route(), 1, Integer::sum);
      Geometry local = inSteps(piece.geometry(), frame);
      long c0 = System.nanoTime();
      MeshInvariants.check(t.mesh(), local, local.getArea(), p.where());
      checking += System.nanoTime() - c0;
      extraVertices += checkEncoded(piece, t.mesh().scaled(frame.grid().step()), grid, p.where());
      for (int i = 0; i < piece.geometry().getNumGeometries(); i++) {
        Polygon polygon = (Polygon) piece.geometry().getGeometryN(i);
        mostHoles = Math.max(mostHoles, polygon.getNumInteriorRing());
        mostVertices = Math.max(mostVertices, polygon.getNumPoints());
      }
      long[] counts = byClass.computeIfAbsent(p.feature().source().getObjectClass(), k -> new long[2]);
      counts[0]++;
      counts[1] += t.mesh().triangleCount();
    }
    System.out.printf(Locale.ROOT, "AreaTriangulator on %d shared cells: %d area pieces on the grid (up to %d vertices, %d holes"
            + " in one polygon; %d collapsed, %d extra vertices encoded), routes %s, %d failed; DEPARE %s, LNDARE %s (pieces, triangles);"
            + " triangulating %.2f s, checking %.2f s, whole test %.2f s%n", SharedCellFeatures.cellCount(), pieces,
        mostVertices, mostHoles, collapsed, extraVertices,
        routes, failed, describe(byClass.get("DEPARE")), describe(byClass.get("LNDARE")), triangulating / 1e9, checking / 1e9,
        (System.nanoTime() - started) / 1e9);
    assertTrue(pieces > 10_000, "expected the shared cells' area pieces, got " + pieces);
    assertEquals(0, failed);
  }

  /**
   * The piece and its mesh through the tile codec: the decoded triangles tile the decoded piece
   * to 1e-9 of its area, computed on the integer grid. Returns the extra vertices the mesh needed.
   */
  private static int checkEncoded(TilePiece piece, TriangleMesh mesh, RclGrid grid, String where) throws Exception {
    TileFrame frame = grid.tileGrid().frame(piece.rcl().encoded());
    byte[] body = PieceCodec.body(piece.geometry(), mesh.toAvro(), null, frame);
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(body, null);
    TileGeometry encoded = new SpecificDatumReader<TileGeometry>(TileGeometry.SCHEMA$).read(null, decoder);
    @SuppressWarnings("unchecked")
    List<Integer> deltas = (List<Integer>) new SpecificDatumReader<Object>(
        SectionFeature.SCHEMA$.getField("triangles").schema()).read(null, decoder);
    Geometry decoded = PieceCodec.geometry(encoded, frame, new GeometryFactory());
    assertTrue(decoded.equalsExact(piece.geometry(), 0.0), where + ": the piece on the grid decodes as it was");
    Triangles triangles = PieceCodec.triangles(deltas, encoded, frame);
    double step = grid.tileGrid().step();
    double steps2 = 0; // twice the triangles' area, in square steps
    List<Double> v = triangles.getVertices();
    List<Integer> i = triangles.getIndices();
    for (int t = 0; t < i.size(); t += 3) {
      double ax = Math.rint(v.get(2 * i.get(t)) / step);
      double ay = Math.rint(v.get(2 * i.get(t) + 1) / step);
      double bx = Math.rint(v.get(2 * i.get(t + 1)) / step);
      double by = Math.rint(v.get(2 * i.get(t + 1) + 1) / step);
      double cx = Math.rint(v.get(2 * i.get(t + 2)) / step);
      double cy = Math.rint(v.get(2 * i.get(t + 2) + 1) / step);
      double twice = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      assertTrue(twice > 0, where + ": a triangle not counter-clockwise on the grid");
      steps2 += twice;
    }
    double area = inSteps(decoded, frame).getArea();
    assertEquals(area, steps2 / 2, 1e-9 * area, where + ": the decoded triangles tile the decoded piece");
    return v.size() / 2 - (decoded.getNumPoints() - ringCount(decoded));
  }

  /** A piece in grid steps from its tile's south-west corner. */
  private static Geometry inSteps(Geometry g, TileFrame frame) {
    Geometry copy = g.copy();
    copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
      c.x = frame.localX(c.x);
      c.y = frame.localY(c.y);
    });
    copy.geometryChanged();
    return copy;
  }

  private static int ringCount(Geometry polygonal) {
    int rings = 0;
    for (int k = 0; k < polygonal.getNumGeometries(); k++) {
      rings += 1 + ((Polygon) polygonal.getGeometryN(k)).getNumInteriorRing();
    }
    return rings;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static String describe(long[] counts) {
    return counts == null ? "none" : counts[0] + "/" + counts[1];
  }

  /** Triangulates {@code wkt} in {@link #TILE}, checks every invariant and, unless null, the route. */
  private static TriangleMesh checkTri(String wkt, Route expected) {
    return checkTri(read(wkt), TILE, expected);
  }

  private static TriangleMesh checkTri(Geometry input, Route expected) {
    return checkTri(input, TILE, expected);
  }

  private static TriangleMesh checkTri(Geometry input, Envelope tile, Route expected) {
    TriangulatedArea t = AreaTriangulator.triangulateArea(input, tile);
    String where = abbreviate(input.toText());
    if (expected != null) {
      assertEquals(expected, t.route(), where);
    }
    Geometry relative = AreaTriangulator.relativeTo(input, tile.getMinX(), tile.getMinY());
    MeshInvariants.check(t.mesh(), relative, input.getArea(), where, true);
    return t.mesh();
  }

  /** The WKT's geometry moved by the tile's corner, so that its coordinates are the relative ones. */
  private static Geometry shifted(String wkt) {
    return AreaTriangulator.relativeTo(read(wkt), -TILE.getMinX(), -TILE.getMinY());
  }

  private static String abbreviate(String wkt) {
    return wkt.length() <= 120 ? wkt : wkt.substring(0, 120) + "…";
  }

  static Geometry read(String wkt) {
    try {
      return new WKTReader(FACTORY).read(wkt);
    } catch (Exception e) {
      throw new AssertionError(wkt, e);
    }
  }
}
