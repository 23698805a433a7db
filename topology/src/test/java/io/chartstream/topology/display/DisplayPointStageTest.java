package io.chartstream.topology.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.clip.ClipResult;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.clip.TilePiece;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.rcl.RclKey;
import io.chartstream.topology.triangulate.SharedCellFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/**
 * {@link DisplayPointStage}: exactly one piece carries the point, the one of the tile owning it;
 * on hand-built pieces of a grid over 0..1024 (level 2: 256-wide tiles), then on every feature
 * of the shared cells clipped with the default buffer.
 */
class DisplayPointStageTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final RclGrid small = new RclGrid(new Envelope(0, 1024, 0, 1024));
  private final DisplayPointStage stage = new DisplayPointStage(small);

  @Test
  void thePieceInTheTileOwningThePointCarriesIt() {
    // a line over three tiles of row 3 (y 0..256): half length at x = 500, in column 1
    List<PieceDraft> pieces = clip("LINESTRING (100 100, 900 100)", 1.0 / 64);
    Geometry line = read("LINESTRING (100 100, 900 100)");
    stage.process(null, line, pieces);
    assertEquals(RclKey.of(3, 1, 2), carrier(pieces).rcl());
    DisplayPoint p = carrier(pieces).record().getDisplayPoint();
    assertEquals(500, p.getX(), 0.0);
    assertEquals(100, p.getY(), 0.0);
  }

  /** A big feature's point is found in {@code prepare}, beside clipping: the same point as found in {@code process}. */
  @Test
  void aPointPreparedBesideClippingIsThePointFoundAfterIt() {
    Geometry hole = FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(600, 430)).buffer(90, 200);
    Geometry area = FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(512, 512)).buffer(400, 6_000).difference(hole);
    assertTrue(area.getNumPoints() >= io.chartstream.topology.BigFeature.VERTICES, "vertices: " + area.getNumPoints());
    List<PieceDraft> found = clip(area.toText(), 0);
    stage.process(null, area, found);
    List<PieceDraft> prepared = clip(area.toText(), 0);
    DisplayPointStage other = new DisplayPointStage(small);
    other.prepare(null, area);
    other.process(null, area, prepared);
    assertEquals(carrier(found).rcl(), carrier(prepared).rcl());
    assertEquals(carrier(found).record().getDisplayPoint(), carrier(prepared).record().getDisplayPoint());
    // Prepared for one feature, processing another: the other's own point.
    List<PieceDraft> line = clip("LINESTRING (100 100, 900 100)", 0);
    other.prepare(null, area);
    other.process(null, read("LINESTRING (100 100, 900 100)"), line);
    assertEquals(500, carrier(line).record().getDisplayPoint().getX(), 0.0);
  }

  @Test
  void aPointOnATileEdgeGoesToTheTileOwningIt() {
    // half length exactly on x = 512: the tile east of the edge owns it
    List<PieceDraft> pieces = clip("LINESTRING (312 100, 712 100)", 1.0 / 64);
    stage.process(null, read("LINESTRING (312 100, 712 100)"), pieces);
    assertEquals(RclKey.of(3, 2, 2), carrier(pieces).rcl());
  }

  @Test
  void withoutAPieceInTheHomeTileTheNearestPieceCarriesIt() {
    // only the westmost and eastmost pieces are given: the point (500, 100) is 244 from the west one, 268 from the east one
    Geometry line = read("LINESTRING (100 100, 900 100)");
    List<PieceDraft> pieces = new ArrayList<>(List.of(
        new PieceDraft(RclKey.of(3, 0, 2), read("LINESTRING (100 100, 256 100)"), TileFeature.newBuilder()),
        new PieceDraft(RclKey.of(3, 3, 2), read("LINESTRING (768 100, 900 100)"), TileFeature.newBuilder())));
    stage.process(null, line, pieces);
    assertEquals(RclKey.of(3, 0, 2), carrier(pieces).rcl());
  }

  @Test
  void nothingToCarryOrNothingToFind() {
    stage.process(null, read("POINT (1 1)"), List.of());
    List<PieceDraft> pieces = clip("POINT (1 1)", 0);
    stage.process(null, read("POINT EMPTY"), pieces);
    assertTrue(pieces.stream().allMatch(p -> p.record().getDisplayPoint() == null));
  }

  /**
   * Every feature of every shared cell clipped at its chart's level with the default buffer
   * (1/64): exactly one piece carries the display point, and its buffered tile contains it.
   */
  @Test
  void everyFeatureOfTheSharedCells() throws Exception {
    RclGrid world = RclGrid.worldMercator();
    double fraction = 1.0 / 64;
    TileClipper clipper = new TileClipper(world, fraction);
    DisplayPointStage worldStage = new DisplayPointStage(world);
    int features = 0;
    int away = 0;
    long started = System.nanoTime();
    for (SharedCellFeatures.Feature f : SharedCellFeatures.all()) {
      ClipResult r = clipper.clip(f.projected(), f.level());
      if (r.pieces().isEmpty()) {
        continue;
      }
      features++;
      List<PieceDraft> pieces = drafts(r);
      worldStage.process(f.source(), f.projected(), pieces);
      PieceDraft carrier = carrier(pieces);
      DisplayPoint p = carrier.record().getDisplayPoint();
      Envelope tile = world.tileEnvelope(carrier.rcl());
      tile.expandBy(fraction * world.tileSize(f.level()));
      assertTrue(tile.contains(p.getX(), p.getY()), f.where() + ": " + p + " outside the buffered tile " + carrier.rcl());
      away += carrier.rcl().equals(world.tileAt(p.getX(), p.getY(), f.level())) ? 0 : 1;
    }
    System.out.printf(Locale.ROOT, "DisplayPointStage on %d shared cells: %d features with pieces, %d display points"
        + " carried by a piece away from their home tile; whole test %.2f s%n", SharedCellFeatures.cellCount(), features, away,
        (System.nanoTime() - started) / 1e9);
    assertTrue(features > 50_000, "expected every shared feature, got " + features);
  }

  /** The one piece with a display point; fails unless there is exactly one. */
  private static PieceDraft carrier(List<PieceDraft> pieces) {
    List<PieceDraft> carriers = pieces.stream().filter(p -> p.record().getDisplayPoint() != null).toList();
    assertEquals(1, carriers.size(), "exactly one piece carries the display point");
    assertNotNull(carriers.getFirst().record().getDisplayPoint());
    return carriers.getFirst();
  }

  private List<PieceDraft> clip(String wkt, double fraction) {
    return drafts(new TileClipper(small, fraction).clip(read(wkt), 2));
  }

  private static List<PieceDraft> drafts(ClipResult r) {
    List<PieceDraft> drafts = new ArrayList<>();
    for (TilePiece piece : r.pieces()) {
      drafts.add(new PieceDraft(piece.rcl(), piece.geometry(), TileFeature.newBuilder()));
    }
    return drafts;
  }

  private static Geometry read(String wkt) {
    try {
      return new WKTReader(FACTORY).read(wkt);
    } catch (Exception e) {
      throw new AssertionError(wkt, e);
    }
  }
}
