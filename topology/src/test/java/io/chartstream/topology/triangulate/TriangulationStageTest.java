package io.chartstream.topology.triangulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.Triangles;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import io.chartstream.schema.tile.TileFrame;
import io.chartstream.topology.clip.GridSnap;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.rcl.RclKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * {@link TriangulationStage} on hand-built pieces of a grid over 0..1024 (level 2: 256-wide
 * tiles), then on every area piece of the shared cells.
 */
class TriangulationStageTest {
  private final RclGrid small = new RclGrid(new Envelope(0, 1024, 0, 1024));
  private final TriangulationStage stage = new TriangulationStage(small);

  @Test
  void areasGetTrianglesRelativeToTheirTilesSouthWestCorner() {
    // tile 2/1/1 spans x 256..512, y 512..768
    PieceDraft square = draft(RclKey.of(1, 1, 2), "POLYGON ((300 600, 400 600, 400 700, 300 700, 300 600))");
    PieceDraft multi = draft(RclKey.of(1, 2, 2),
        "MULTIPOLYGON (((520 520, 530 520, 530 530, 520 520)), ((600 600, 610 600, 610 610, 600 600)))");
    stage.process(null, null, List.of(square, multi));
    Triangles t = square.record().getTriangles();
    assertEquals(2, t.getIndices().size() / 3);
    for (int i = 0; i < t.getVertices().size(); i += 2) {
      double x = t.getVertices().get(i);
      double y = t.getVertices().get(i + 1);
      assertTrue(x >= 44 && x <= 144 && y >= 88 && y <= 188, "relative to (256, 512): " + x + " " + y);
    }
    Triangles m = multi.record().getTriangles();
    assertEquals(List.of(1, 2, 0, 4, 5, 3), m.getIndices(),
        "two triangles (as earcut starts them), the second's indices shifted past the first's vertices");
    assertEquals(List.of(8.0, 8.0, 18.0, 8.0, 18.0, 18.0, 88.0, 88.0, 98.0, 88.0, 98.0, 98.0), m.getVertices(),
        "relative to (512, 512)");
  }

  @Test
  void pointsLinesAndCollectionsAreLeftAlone() {
    List<PieceDraft> pieces = List.of(draft(RclKey.of(1, 1, 2), "POINT (300 600)"),
        draft(RclKey.of(1, 1, 2), "LINESTRING (300 600, 400 700)"),
        draft(RclKey.of(1, 1, 2), "GEOMETRYCOLLECTION (POINT (300 600), POLYGON ((300 600, 400 600, 400 700, 300 600)))"),
        draft(RclKey.of(1, 1, 2), "POLYGON EMPTY"));
    stage.process(null, null, pieces);
    pieces.forEach(p -> assertNull(p.record().getTriangles(), p.geometry().getGeometryType()));
  }

  @Test
  void aFailedPieceIsReportedAfterTheOthersAreDone() {
    Polygon infinite = (Polygon) AreaTriangulatorTest.read("POLYGON ((300 600, 400 600, 400 700, 300 600))");
    infinite.getExteriorRing().getCoordinateN(1).x = Double.POSITIVE_INFINITY;
    infinite.geometryChanged();
    PieceDraft bad = new PieceDraft(RclKey.of(1, 1, 2), infinite, TileFeature.newBuilder());
    PieceDraft good = draft(RclKey.of(1, 2, 2), "POLYGON ((520 520, 530 520, 530 530, 520 520))");
    StageException e = assertThrows(StageException.class, () -> stage.process(null, null, List.of(bad, good)));
    assertEquals("triangulation_failed", e.code());
    assertTrue(e.getMessage().contains("2/1/1"), e.getMessage());
    assertNull(bad.record().getTriangles());
    assertNotNull(good.record().getTriangles(), "the other pieces keep their triangles");
  }

  /**
   * Every area piece of the shared cells on the tile grid, as the clip stage hands them over,
   * through the stage: triangles on each, within the tile's frame, areas summing up to the
   * piece's (computed in grid steps, exactly, and turned into square metres).
   */
  @Test
  void everyAreaPieceOfTheSharedCells() throws Exception {
    RclGrid world = RclGrid.worldMercator();
    TriangulationStage worldStage = new TriangulationStage(world);
    GridSnap snap = new GridSnap(world.tileGrid());
    List<PieceDraft> drafts = new ArrayList<>();
    for (SharedCellFeatures.AreaPiece p : SharedCellFeatures.areaPieces()) {
      Geometry onGrid = snap.snap(p.piece().geometry());
      if (onGrid != null) {
        drafts.add(new PieceDraft(p.piece().rcl(), onGrid, TileFeature.newBuilder()));
      }
    }
    worldStage.process(null, null, drafts);
    for (PieceDraft d : drafts) {
      Triangles t = d.record().getTriangles();
      assertNotNull(t, d.rcl().toString());
      double size = world.tileSize(d.rcl().level());
      double area = 0;
      List<Double> v = t.getVertices();
      List<Integer> ix = t.getIndices();
      for (int i = 0; i < ix.size(); i += 3) {
        int a = 2 * ix.get(i);
        int b = 2 * ix.get(i + 1);
        int c = 2 * ix.get(i + 2);
        area += ((v.get(b) - v.get(a)) * (v.get(c + 1) - v.get(a + 1)) - (v.get(b + 1) - v.get(a + 1)) * (v.get(c) - v.get(a))) / 2;
      }
      for (double ordinate : v) {
        assertTrue(ordinate >= -1e-6 * size && ordinate <= size * (1 + 1e-6), d.rcl() + ": " + ordinate + " outside 0.." + size);
      }
      TileFrame frame = world.tileGrid().frame(d.rcl().encoded());
      Geometry steps = d.geometry().copy();
      steps.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
        c.x = frame.localX(c.x);
        c.y = frame.localY(c.y);
      });
      steps.geometryChanged();
      double expected = steps.getArea() * frame.grid().step() * frame.grid().step();
      assertEquals(expected, area, 1e-9 * expected, d.rcl().toString());
    }
  }

  /** Past {@link io.chartstream.topology.BigFeature#VERTICES} the pieces are triangulated in parallel: to the same triangles. */
  @Test
  void piecesTriangulatedInParallelGetTheTrianglesTheyGetOneByOne() throws Exception {
    RclGrid world = RclGrid.worldMercator();
    TriangulationStage worldStage = new TriangulationStage(world);
    List<PieceDraft> together = new ArrayList<>();
    int vertices = 0;
    for (SharedCellFeatures.AreaPiece p : SharedCellFeatures.areaPieces()) {
      together.add(new PieceDraft(p.piece().rcl(), p.piece().geometry(), TileFeature.newBuilder()));
      vertices += p.piece().geometry().getNumPoints();
      if (vertices > 3 * io.chartstream.topology.BigFeature.VERTICES) {
        break;
      }
    }
    assertTrue(vertices > 2 * io.chartstream.topology.BigFeature.VERTICES, "enough vertices to go parallel: " + vertices);
    worldStage.process(null, null, together);
    for (PieceDraft piece : together) {
      PieceDraft alone = new PieceDraft(piece.rcl(), piece.geometry(), TileFeature.newBuilder());
      worldStage.process(null, null, List.of(alone));
      assertEquals(alone.record().getTriangles(), piece.record().getTriangles(), piece.rcl().toString());
    }
  }

  private static PieceDraft draft(RclKey rcl, String wkt) {
    Geometry g = AreaTriangulatorTest.read(wkt);
    return new PieceDraft(rcl, g, TileFeature.newBuilder());
  }
}
