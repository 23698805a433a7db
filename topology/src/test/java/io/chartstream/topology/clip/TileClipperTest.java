package io.chartstream.topology.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartContents;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.project.Reprojector;
import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * {@link TileClipper} on generated edge cases, WKT in, invariants out ({@link #checkClip}), then
 * the same invariants on every feature of the shared NOAA cells. Most cases use a grid over
 * 0..1024 so that tile edges are round numbers: level 2 has 256-wide tiles, edges at 256, 512, 768.
 */
class TileClipperTest {
  static final GeometryFactory FACTORY = new GeometryFactory();
  private static final double H = RclGrid.WORLD_MERCATOR_HALF_EDGE;
  private final RclGrid small = new RclGrid(new Envelope(0, 1024, 0, 1024));
  private final RclGrid world = RclGrid.worldMercator();

  // ---- areas --------------------------------------------------------------------------------

  @Test
  void polygonInsideOneTileIsTakenWhole() {
    ClipResult r = checkClip("POLYGON ((300 600, 400 600, 400 700, 300 700, 300 600))", 2);
    assertEquals(List.of("2/1/1"), keys(r));
    assertTrue(r.pieces().getFirst().geometry().equalsExact(read("POLYGON ((300 600, 400 600, 400 700, 300 700, 300 600))")));
  }

  @Test
  void polygonExactlyOnATileGetsThatTileOnly() {
    // the neighbours touch it along edges: lines, not areas, so no pieces for them
    assertEquals(List.of("2/1/1"), keys(checkClip("POLYGON ((256 512, 512 512, 512 768, 256 768, 256 512))", 2)));
    assertEquals(List.of("2/0/0", "2/0/1", "2/1/0", "2/1/1"),
        keys(checkClip("POLYGON ((0 512, 512 512, 512 1024, 0 1024, 0 512))", 2)));
  }

  @Test
  void polygonOverACornerIsCutInFour() {
    ClipResult r = checkClip("POLYGON ((500 500, 524 500, 524 524, 500 524, 500 500))", 2);
    assertEquals(List.of("2/1/1", "2/1/2", "2/2/1", "2/2/2"), keys(r));
    r.pieces().forEach(p -> assertEquals(144, p.geometry().getArea(), 1e-9));
  }

  @Test
  void ringSpanningTwentyByTwentyTiles() {
    // level 6: 16-wide tiles; the ring covers columns 0..20 and rows 43..63 (partly), a hole in the middle
    ClipResult r = checkClip("POLYGON ((5 5, 325 5, 325 325, 5 325, 5 5), (100 100, 100 200, 200 200, 200 100, 100 100))", 6);
    assertEquals(21 * 21 - 5 * 5, r.pieces().size(), "tiles wholly inside the hole get nothing");
    ClipResult circle = checkClip(read("POINT (512 512)").buffer(300, 64).toText(), 6);
    assertTrue(circle.pieces().size() > 1000, "a circle over about 37x37 tiles: " + circle.pieces().size());
  }

  @Test
  void polygonWithHolesCrossingTileEdges() {
    checkClip("POLYGON ((100 100, 900 100, 900 900, 100 900, 100 100), (200 200, 600 200, 600 300, 200 300, 200 200),"
        + " (500 500, 800 500, 800 800, 500 800, 500 500))", 2);
  }

  @Test
  void holeExactlyOnATileEdge() {
    // the hole's east side lies on x = 512: one tile sees the hole as a notch, the other nothing
    ClipResult r = checkClip("POLYGON ((300 300, 700 300, 700 450, 300 450, 300 300), (400 350, 512 350, 512 400, 400 400, 400 350))", 2);
    assertEquals(List.of("2/2/1", "2/2/2"), keys(r));
    // a hole whose edges are tile edges: the tile it fills gets nothing
    ClipResult filled = checkClip("POLYGON ((200 200, 600 200, 600 600, 200 600, 200 200), (256 256, 512 256, 512 512, 256 512, 256 256))", 2);
    assertFalse(keys(filled).contains("2/2/1"));
  }

  @Test
  void multiPolygonKeepsItsType() {
    ClipResult r = checkClip("MULTIPOLYGON (((10 10, 20 10, 20 20, 10 20, 10 10)), ((30 30, 40 30, 40 40, 30 40, 30 30)),"
        + " ((500 10, 600 10, 600 20, 500 20, 500 10)))", 2);
    assertEquals(List.of("2/3/0", "2/3/1", "2/3/2"), keys(r));
    r.pieces().forEach(p -> assertEquals("MultiPolygon", p.geometry().getGeometryType()));
    assertEquals(2, r.pieces().getFirst().geometry().getNumGeometries());
    assertEquals("MultiPolygon", checkClip("POLYGON ((10 10, 110 10, 110 200, 90 200, 90 30, 30 30, 30 200, 10 200, 10 10))", 3)
        .pieces().stream().filter(p -> p.rcl().toString().equals("3/6/0")).findFirst().orElseThrow().geometry().getGeometryType(),
        "the two arms of a U in one tile");
  }

  @Test
  void antimeridianIsTheGridsWestAndEastEdge() {
    // touching the west edge exactly, and reaching across the east edge (cut, flagged)
    ClipResult west = checkClip(world, "POLYGON ((" + -H + " 0, " + (-H + 1e6) + " 0, " + (-H + 1e6) + " 1e6, " + -H + " 1e6, " + -H + " 0))", 8, 0);
    assertFalse(west.partlyOutsideGrid());
    assertTrue(west.pieces().stream().allMatch(p -> p.rcl().col() <= 6));
    ClipResult east = checkClip(world, "POLYGON ((" + (H - 1e5) + " 0, " + (H + 1e5) + " 0, " + (H + 1e5) + " 1e5, " + (H - 1e5) + " 1e5, " + (H - 1e5) + " 0))", 8, 0);
    assertTrue(east.partlyOutsideGrid());
    assertTrue(east.pieces().stream().allMatch(p -> p.rcl().col() == 255));
    // longitudes ±180 projected by proj4j land on the grid's edges, inside it
    ClipResult projected = checkClip(world, Reprojector.to("EPSG:3395").project(read("MULTIPOINT ((-180 10), (180 10))")).toText(), 8, 0);
    assertFalse(projected.partlyOutsideGrid());
    assertEquals(List.of(0, 255), projected.pieces().stream().map(p -> p.rcl().col()).toList());
    // a line along the outer east edge belongs to the last column
    assertEquals(List.of("8/127/255", "8/128/255"), keys(checkClip(world, "LINESTRING (" + H + " -1e5, " + H + " 1e5)", 8, 0)));
  }

  @Test
  void beyondThePolesOfTheGridIsCutAndFlagged() {
    ClipResult r = checkClip(world, "POLYGON ((0 " + (H - 5e5) + ", 1e6 " + (H - 5e5) + ", 1e6 3.6e7, 0 3.6e7, 0 " + (H - 5e5) + "))", 6, 0);
    assertTrue(r.partlyOutsideGrid());
    assertTrue(r.pieces().stream().allMatch(p -> p.rcl().row() == 0));
    ClipResult outside = checkClip(world, "LINESTRING (0 3e7, 1e6 3.5e7)", 6, 0);
    assertTrue(outside.partlyOutsideGrid() && outside.pieces().isEmpty());
    // a polygon up to the pole, through the Reprojector's clamp at 89.9°
    ClipResult polar = checkClip(world, Reprojector.to("EPSG:3395").project(read("POLYGON ((0 84, 10 84, 10 90, 0 90, 0 84))")).toText(), 4, 0);
    assertTrue(polar.partlyOutsideGrid());
    assertEquals(List.of("4/0/8"), keys(polar));
    ClipResult point = checkClip(world, "MULTIPOINT ((0 3e7), (0 0))", 6, 0);
    assertTrue(point.partlyOutsideGrid());
    assertEquals(List.of("6/32/32"), keys(point));
  }

  // ---- invalid input ------------------------------------------------------------------------

  @Test
  void bowTieIsRepairedAndFlagged() {
    ClipResult r = checkClip("POLYGON ((100 100, 600 600, 600 100, 100 600, 100 100))", 2);
    assertTrue(r.repaired());
    assertEquals(2 * 250 * 500 / 2.0, area(r), 1e-6, "two triangles of the bow-tie");
  }

  @Test
  void selfTouchingRingIsRepairedAndFlagged() {
    // a shell touching itself at (500, 100) to enclose a hole (the loop runs clockwise): invalid in JTS's default rules
    ClipResult r = checkClip("POLYGON ((100 100, 500 100, 400 300, 600 300, 500 100, 900 100, 900 900, 100 900, 100 100))", 2);
    assertTrue(r.repaired());
    assertEquals(800 * 800 - 200 * 200 / 2.0, area(r), 1e-6);
  }

  @Test
  void spikeFromRealDataIsRepaired() {
    ClipResult r = checkClip("POLYGON ((100 100, 400 100, 400 200, 700 200, 400 200, 400 400, 100 400, 100 100))", 2);
    assertTrue(r.repaired());
    assertEquals(300 * 300, area(r), 1e-6);
  }

  @Test
  void unclosedAndTooShortRingsAsWkbReadsThem() throws Exception {
    // a triangle written without its closing point: WKBReader closes it, and it is valid
    Geometry unclosed = new WKBReader().read(polygonWkb(100, 100, 600, 100, 600, 600));
    ClipResult r = checkClip(small, unclosed.toText(), 2, 0);
    assertFalse(r.repaired());
    assertEquals(0.5 * 500 * 500, area(r), 1e-6);
    // a ring of two points: WKBReader pads it to four, invalid, repaired to nothing
    Geometry twoPoints = new WKBReader().read(polygonWkb(100, 100, 600, 100));
    ClipResult nothing = clipper(small, 0).clip(twoPoints, 2);
    assertEquals(ClipResult.REPAIRED_TO_EMPTY, nothing.failure());
    assertTrue(nothing.pieces().isEmpty() && nothing.repaired() && nothing.failed());
  }

  @Test
  void nonFiniteVerticesAreRepairedAway() {
    Geometry withNaN = FACTORY.createPolygon(new Coordinate[] {new Coordinate(100, 100), new Coordinate(400, 100),
        new Coordinate(Double.NaN, 300), new Coordinate(400, 400), new Coordinate(100, 400), new Coordinate(100, 100)});
    ClipResult r = clipper(small, 0).clip(withNaN, 2);
    assertNull(r.failure());
    assertTrue(r.repaired());
    assertEquals(300 * 300, area(r), 1e-6);
  }

  @Test
  void zeroLengthLineIsAFailureNotAnException() {
    ClipResult r = clipper(small, 0).clip(read("LINESTRING (300 300, 300 300)"), 2);
    assertEquals(ClipResult.REPAIRED_TO_EMPTY, r.failure());
  }

  // ---- lines --------------------------------------------------------------------------------

  @Test
  void lineAlongATileEdgeIsCountedOnce() {
    // Guards the edge ownership of collinear segments: letting every slab own its south edge
    // (a mutation tried while writing this) counts the horizontal line twice, 1600 for 800.
    // vertical shared edge x = 512 belongs to the tiles east of it, horizontal y = 512 to those south of it
    assertEquals(List.of("2/0/2", "2/1/2", "2/2/2", "2/3/2"), keys(checkClip("LINESTRING (512 100, 512 900)", 2)));
    assertEquals(List.of("2/2/0", "2/2/1", "2/2/2", "2/2/3"), keys(checkClip("LINESTRING (100 512, 900 512)", 2)));
    // the grid's outer edges belong to the border tiles
    assertEquals(List.of("2/0/0", "2/0/1"), keys(checkClip("LINESTRING (100 1024, 300 1024)", 2)));
    assertEquals(List.of("2/3/0", "2/3/1"), keys(checkClip("LINESTRING (100 0, 300 0)", 2)));
    assertEquals(List.of("2/1/3", "2/2/3"), keys(checkClip("LINESTRING (1024 300, 1024 700)", 2)));
    assertEquals(List.of("2/1/0", "2/2/0"), keys(checkClip("LINESTRING (0 300, 0 700)", 2)));
    // a ring around a tile along its edges: each side counted once
    ClipResult ring = checkClip("LINESTRING (256 512, 512 512, 512 768, 256 768, 256 512)", 2);
    assertEquals(List.of("2/1/1", "2/1/2", "2/2/1"), keys(ring));
  }

  @Test
  void diagonalThroughTileCorners() {
    ClipResult r = checkClip("LINESTRING (0 0, 1024 1024)", 2);
    assertEquals(List.of("2/0/3", "2/1/2", "2/2/1", "2/3/0"), keys(r));
    r.pieces().forEach(p -> assertEquals("LineString", p.geometry().getGeometryType()));
  }

  @Test
  void lineLeavingAndReEnteringATileIsAMultiLineString() {
    ClipResult r = checkClip("LINESTRING (100 100, 300 100, 300 200, 100 200, 100 150, 400 150)", 2);
    assertEquals(List.of("2/3/0", "2/3/1"), keys(r));
    assertEquals("MultiLineString", r.pieces().get(1).geometry().getGeometryType());
  }

  @Test
  void closedLineAndMultiLineString() {
    checkClip("LINESTRING (100 100, 900 100, 900 900, 100 900, 100 100)", 3);
    ClipResult r = checkClip("MULTILINESTRING ((10 10, 20 20), (30 30, 800 900), (1000 1000, 1000 10))", 4);
    r.pieces().forEach(p -> assertEquals("MultiLineString", p.geometry().getGeometryType()));
  }

  @Test
  void manyTilesLine() {
    StringBuilder wkt = new StringBuilder("LINESTRING (");
    for (int i = 0; i <= 400; i++) {
      wkt.append(i == 0 ? "" : ", ").append(2 + 2.55 * i).append(' ').append(512 + 400 * Math.sin(i / 20.0));
    }
    assertTrue(checkClip(wkt + ")", 6).pieces().size() > 80);
  }

  // ---- points -------------------------------------------------------------------------------

  @Test
  void pointsOnEdgesAndCornersLandInExactlyOneTile() {
    assertEquals(List.of("2/1/2"), keys(checkClip("POINT (512 600)", 2)), "vertical edge: the tile east of it");
    assertEquals(List.of("2/2/1"), keys(checkClip("POINT (300 512)", 2)), "horizontal edge: the tile south of it");
    assertEquals(List.of("2/2/2"), keys(checkClip("POINT (512 512)", 2)), "corner: the tile south-east of it");
    assertEquals(List.of("2/3/3"), keys(checkClip("POINT (1024 0)", 2)), "outer south-east corner");
    assertEquals(List.of("2/0/0"), keys(checkClip("POINT (0 1024)", 2)), "outer north-west corner");
    for (double fraction : new double[] {1.0 / 64, 0.5}) {
      ClipResult buffered = checkClip(small, "POINT (512 512)", 2, fraction);
      assertEquals(List.of("2/2/2"), keys(buffered), "the buffer never copies points");
    }
  }

  @Test
  void multiPointIsGroupedPerTileKeepingZ() {
    ClipResult r = checkClip("MULTIPOINT Z ((10 10 1.5), (20 20 2.5), (512 512 3.5), (900 900 4.5))", 2);
    assertEquals(List.of("2/0/3", "2/2/2", "2/3/0"), keys(r));
    Geometry first = r.pieces().get(2).geometry();
    assertEquals("MultiPoint", first.getGeometryType());
    assertEquals(2, first.getNumGeometries());
    assertEquals(2.5, first.getGeometryN(1).getCoordinate().getZ(), 0.0);
    assertEquals(3.5, clipper(small, 0).clip(read("POINT Z (512 512 3.5)"), 2).pieces().getFirst().geometry().getCoordinate().getZ(), 0.0);
  }

  // ---- buffer, empty, mixed, arguments ------------------------------------------------------

  @Test
  void bufferedTilesOverlapTheirNeighbours() {
    double fraction = 1.0 / 64; // 4 units at level 2
    ClipResult line = checkClip(small, "LINESTRING (100 510, 900 510)", 2, fraction);
    assertEquals(List.of("2/1/0", "2/1/1", "2/1/2", "2/1/3", "2/2/0", "2/2/1", "2/2/2", "2/2/3"), keys(line),
        "2 units south of the edge: within the buffer of the row north of it");
    ClipResult area = checkClip(small, "POLYGON ((300 300, 700 300, 700 700, 300 700, 300 300))", 2, fraction);
    assertEquals(4, area.pieces().size());
    assertEquals(4, checkClip(small, "POLYGON ((300 300, 509 300, 509 510, 300 510, 300 300))", 2, fraction).pieces().size(),
        "3 units short of the edges: in the neighbours' buffers");
    checkClip(small, "POLYGON ((5 5, 325 5, 325 325, 5 325, 5 5), (100 100, 100 200, 200 200, 200 100, 100 100))", 6, 1.0 / 8);
    checkClip(small, "LINESTRING (0 0, 1024 1024, 0 1024)", 5, 0.25);
  }

  @Test
  void emptyGeometryGivesNothing() {
    for (String wkt : List.of("POINT EMPTY", "LINESTRING EMPTY", "POLYGON EMPTY", "MULTIPOLYGON EMPTY", "GEOMETRYCOLLECTION EMPTY")) {
      ClipResult r = clipper(small, 0).clip(read(wkt), 2);
      assertEquals(new ClipResult(List.of(), false, false, null), r, wkt);
    }
    assertTrue(clipper(small, 0).clip(null, 2).pieces().isEmpty());
  }

  @Test
  void geometryCollectionIsClippedPartByPart() {
    ClipResult r = checkClip("GEOMETRYCOLLECTION (POINT (10 10), LINESTRING (10 10, 300 10), POLYGON ((200 200, 300 200, 300 300, 200 300, 200 200)))", 2);
    assertEquals(List.of("2/2/0", "2/2/1", "2/3/0", "2/3/1"), keys(r));
    assertEquals(3, r.pieces().get(2).geometry().getNumGeometries(), "the point, the line's west part, a corner of the polygon");
  }

  /** Past {@link io.chartstream.topology.BigFeature#VERTICES} an area's rows are cut in parallel: each piece is still its tile's intersection. */
  @Test
  void aBigAreaCutRowByRowInParallelGivesEachTileItsIntersection() {
    Geometry disc = new org.locationtech.jts.geom.GeometryFactory()
        .createPoint(new org.locationtech.jts.geom.Coordinate(512, 512)).buffer(400, 7_500);
    assertTrue(disc.getNumPoints() >= io.chartstream.topology.BigFeature.VERTICES, "vertices: " + disc.getNumPoints());
    ClipResult r = clipper(small, 0).clip(disc, 2);
    assertEquals(16, r.pieces().size(), "4 rows of 4 tiles");
    double sum = 0;
    for (TilePiece piece : r.pieces()) {
      Geometry expected = disc.intersection(disc.getFactory().toGeometry(small.tileEnvelope(piece.rcl())));
      assertEquals(expected.getArea(), piece.geometry().getArea(), 1e-9 * disc.getArea(), piece.rcl().toString());
      assertTrue(expected.buffer(1e-6).covers(piece.geometry()), piece.rcl().toString());
      sum += piece.geometry().getArea();
    }
    assertEquals(disc.getArea(), sum, 1e-9 * disc.getArea());
  }

  @Test
  void piecesAreIndependentCopies() {
    Geometry input = read("POLYGON ((300 600, 400 600, 400 700, 300 700, 300 600))");
    TilePiece piece = clipper(small, 1.0 / 64).clip(input, 2).pieces().getFirst();
    piece.geometry().getCoordinates()[0].x = 0;
    assertEquals(300, input.getCoordinates()[0].x, 0.0);
  }

  @Test
  void invalidArguments() {
    assertThrows(IllegalArgumentException.class, () -> clipper(small, -0.1));
    assertThrows(IllegalArgumentException.class, () -> clipper(small, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> clipper(small, 0).clip(read("POINT (1 1)"), 29));
  }

  // ---- every feature of the shared NOAA cells ---------------------------------------------

  /**
   * Every feature of every shared cell, projected to EPSG:3395 and clipped at its chart's level
   * (areas also at level + 2, for many tiles): area and length sums, points in one tile; and
   * with a 1/64 buffer at the chart's level: pieces within their buffered tiles, points in one.
   */
  @Test
  void everyFeatureOfTheSharedCells() throws Exception {
    Reprojector reprojector = Reprojector.to("EPSG:3395");
    TileClipper clipper = clipper(world, 0);
    TileClipper buffered = clipper(world, 1.0 / 64);
    WKBReader wkb = new WKBReader();
    Counts counts = new Counts();
    long started = System.nanoTime();
    List<CellFiles> cells = new InputScanner(SharedData.s57(), 0).scan().cells();
    assertTrue(cells.size() >= 10, "expected the shared NOAA cells, found " + cells.size());
    for (CellFiles cell : cells) {
      ChartContents chart = ChartReader.read(cell);
      int level = LevelTable.defaults().levelFor(cell.chartId(), chart.dsid().compilationScale());
      for (S57Feature feature : chart.features()) {
        if (feature.getGeometry() == null) {
          continue;
        }
        byte[] bytes = new byte[feature.getGeometry().remaining()];
        feature.getGeometry().duplicate().get(bytes);
        Geometry projected = reprojector.project(wkb.read(bytes));
        String where = cell.chartId() + " " + feature.getObjectClass() + " #" + feature.getIndex();
        long t0 = System.nanoTime();
        ClipResult r = clipper.clip(projected, level);
        counts.clipNanos += System.nanoTime() - t0;
        counts.add(r);
        checkPieces(world, 0, projected, level, r, false, where);
        ClipResult withBuffer = buffered.clip(projected, level);
        counts.bufferedPieces += withBuffer.pieces().size();
        checkPieces(world, 1.0 / 64, projected, level, withBuffer, false, where + " buffered");
        if (projected instanceof Polygonal) {
          t0 = System.nanoTime();
          ClipResult deeper = clipper.clip(projected, level + 2);
          counts.clipNanos += System.nanoTime() - t0;
          counts.deeperPieces += deeper.pieces().size();
          checkPieces(world, 0, projected, level + 2, deeper, false, where + " at level " + (level + 2));
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT, "TileClipper on %d shared cells: %d features, %d pieces at their level"
            + " (+%d area pieces at level+2; %d pieces with a 1/64 buffer), %d repaired, %d partly outside the grid,"
            + " %d failed; clipping without buffer %.2f s, whole test %.2f s%n", cells.size(), counts.features,
        counts.pieces, counts.deeperPieces, counts.bufferedPieces, counts.repaired,
        counts.outside, counts.failed, counts.clipNanos / 1e9, (System.nanoTime() - started) / 1e9);
    assertEquals(0, counts.failed);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private ClipResult checkClip(String wkt, int level) {
    return checkClip(small, wkt, level, 0);
  }

  /** Clips {@code wkt} and checks every invariant, the union of the pieces included. */
  private ClipResult checkClip(RclGrid grid, String wkt, int level, double bufferFraction) {
    Geometry input = read(wkt);
    ClipResult r = clipper(grid, bufferFraction).clip(input, level);
    assertNull(r.failure(), wkt);
    checkPieces(grid, bufferFraction, input, level, r, true, wkt);
    return r;
  }

  /**
   * The invariants: keys in order at {@code level}; no empty piece; each piece within its
   * (buffered, grid-clamped) rectangle, areas up to rounding; valid area pieces; every point of
   * the input inside the grid in exactly one piece, its home tile; without buffer, areas and
   * lengths summing to the input's (cut to the grid); when {@code union}, the pieces' union equal
   * to the input (symmetric difference ~0).
   */
  static void checkPieces(RclGrid grid, double bufferFraction, Geometry input, int level, ClipResult r,
                          boolean union, String where) {
    Envelope extent = grid.extent();
    Geometry reference = r.repaired() ? GeometryFixer.fix(input) : input;
    Parts expected = new Parts();
    expected.add(reference, extent, extent.covers(reference.getEnvelopeInternal()));
    Parts actual = new Parts();
    double buffer = bufferFraction * grid.tileSize(level);
    double roundOff = 1e-12 * extent.getWidth();
    long previous = -1;
    for (TilePiece piece : r.pieces()) {
      Geometry g = piece.geometry();
      assertTrue(piece.rcl().encoded() > previous, where + ": keys in order, one piece per tile");
      previous = piece.rcl().encoded();
      assertEquals(level, piece.rcl().level(), where);
      assertFalse(g.isEmpty(), where + ": empty piece in " + piece.rcl());
      Envelope tile = grid.tileEnvelope(piece.rcl());
      tile.expandBy(buffer);
      Envelope rect = tile.intersection(extent);
      Envelope loose = new Envelope(rect);
      loose.expandBy(g instanceof Polygonal ? roundOff : 0);
      assertTrue(loose.covers(g.getEnvelopeInternal()), () -> where + ": " + piece.rcl() + " " + rect + " does not cover "
          + g.getEnvelopeInternal());
      if (g instanceof Polygonal) {
        assertTrue(IsValidOp.isValid(g), () -> where + ": invalid piece in " + piece.rcl() + ": " + new IsValidOp(g).getValidationError());
      }
      actual.add(g, extent, true);
      for (Coordinate c : g instanceof Puntal ? g.getCoordinates() : new Coordinate[0]) {
        assertEquals(grid.tileAt(c.x, c.y, level), piece.rcl(), where + ": point " + c + " away from its home tile");
      }
    }
    List<Coordinate> points = actual.points.stream().map(Geometry::getCoordinate).sorted().toList();
    assertEquals(expected.points.stream().map(Geometry::getCoordinate).sorted().toList(), points,
        where + ": each point in exactly one piece");
    if (bufferFraction == 0) {
      assertEquals(expected.area, actual.area, 1e-9 * expected.area, where + ": areas of the pieces sum to the input's");
      assertEquals(expected.length, actual.length, 1e-9 * expected.length, where + ": lengths of the pieces sum to the input's");
    }
    if (union && !expected.areas.isEmpty()) {
      Geometry a = union(expected.areas);
      Geometry b = union(actual.areas);
      double diff = OverlayNGRobust.overlay(a, b, OverlayNG.SYMDIFFERENCE).getArea();
      assertEquals(0, diff, 1e-9 * a.getArea(), where + ": the pieces' union differs from the input");
    }
    if (union && !expected.lines.isEmpty()) {
      // the pieces' vertices on tile edges are interpolated, so compare within a hair's breadth
      Geometry a = union(expected.lines);
      Geometry b = union(actual.lines);
      double hair = 1e-9 * extent.getWidth();
      assertEquals(0, OverlayNGRobust.overlay(a, b.buffer(hair), OverlayNG.DIFFERENCE).getLength(), 1e-9 * a.getLength(),
          where + ": some of the line is in no piece");
      assertEquals(0, OverlayNGRobust.overlay(b, a.buffer(hair), OverlayNG.DIFFERENCE).getLength(), 1e-9 * a.getLength(),
          where + ": a piece holds more than the line");
    }
  }

  private static Geometry union(List<Geometry> parts) {
    Geometry union = UnaryUnionOp.union(parts);
    return union == null ? FACTORY.createGeometryCollection() : union;
  }

  /** A geometry's atomic parts by dimension, cut to the grid's extent unless known to be inside. */
  private static final class Parts {
    final List<Geometry> points = new ArrayList<>();
    final List<Geometry> lines = new ArrayList<>();
    final List<Geometry> areas = new ArrayList<>();
    double area;
    double length;

    void add(Geometry g, Envelope extent, boolean inside) {
      if (g.isEmpty()) {
        return;
      }
      if (g instanceof Polygonal) {
        Geometry cut = inside ? g : OverlayNGRobust.overlay(g, FACTORY.toGeometry(extent), OverlayNG.INTERSECTION);
        areas.add(cut);
        area += cut.getArea();
      } else if (g instanceof Lineal) {
        Geometry cut = inside ? g : OverlayNGRobust.overlay(g, FACTORY.toGeometry(extent), OverlayNG.INTERSECTION);
        lines.add(cut);
        length += cut.getLength();
      } else if (g instanceof Puntal) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
          if (extent.covers(g.getGeometryN(i).getCoordinate())) {
            points.add(g.getGeometryN(i));
          }
        }
      } else {
        for (int i = 0; i < g.getNumGeometries(); i++) {
          add(g.getGeometryN(i), extent, inside);
        }
      }
    }
  }

  private static final class Counts {
    long features;
    long pieces;
    long deeperPieces;
    long bufferedPieces;
    long repaired;
    long outside;
    long failed;
    long clipNanos;

    void add(ClipResult r) {
      features++;
      pieces += r.pieces().size();
      repaired += r.repaired() ? 1 : 0;
      outside += r.partlyOutsideGrid() ? 1 : 0;
      failed += r.failed() ? 1 : 0;
    }
  }

  static TileClipper clipper(RclGrid grid, double bufferFraction) {
    return new TileClipper(grid, bufferFraction);
  }

  private static List<String> keys(ClipResult r) {
    return r.pieces().stream().map(p -> p.rcl().toString()).toList();
  }

  private static double area(ClipResult r) {
    return r.pieces().stream().mapToDouble(p -> p.geometry().getArea()).sum();
  }

  static Geometry read(String wkt) {
    try {
      return new WKTReader(FACTORY).read(wkt);
    } catch (Exception e) {
      throw new AssertionError(wkt, e);
    }
  }

  /** ISO WKB (little-endian) of a one-ring polygon with exactly the points given, closed or not. */
  private static byte[] polygonWkb(double... xy) {
    ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + 4 + 4 + 8 * xy.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put((byte) 1).putInt(3).putInt(1).putInt(xy.length / 2);
    for (double v : xy) {
      buffer.putDouble(v);
    }
    return buffer.array();
  }
}
