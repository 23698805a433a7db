package io.chartstream.topology.rcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class RclGridTest {
  private static final double H = RclGrid.WORLD_MERCATOR_HALF_EDGE;
  private final RclGrid grid = RclGrid.worldMercator();
  /** A grid with round numbers: 0..1024 on both axes, so level 2 tiles are 256 wide. */
  private final RclGrid small = new RclGrid(new Envelope(0, 1024, 0, 1024));

  @Test
  void worldMercatorExtentAndTileSizes() {
    assertEquals(new Envelope(-H, H, -H, H), grid.extent());
    assertEquals(2 * H, grid.tileSize(0));
    assertEquals(2 * H / 64, grid.tileSize(6), 1e-9);
    assertEquals(626_000, grid.tileSize(6), 1_000, "band 1 tiles are about 626 km");
    assertEquals(4_900, grid.tileSize(13), 100, "band 5 tiles are about 4.9 km");
    assertEquals(new Envelope(-H, H, -H, H), grid.tileEnvelope(RclKey.of(0, 0, 0)));
  }

  @Test
  void tileEnvelopesRowZeroIsNorth() {
    assertEquals(new Envelope(0, 256, 768, 1024), small.tileEnvelope(RclKey.of(0, 0, 2)));
    assertEquals(new Envelope(768, 1024, 0, 256), small.tileEnvelope(RclKey.of(3, 3, 2)));
    assertEquals(new Envelope(256, 512, 512, 768), small.tileEnvelope(RclKey.of(1, 1, 2)));
    Envelope lastWorldTile = grid.tileEnvelope(RclKey.of((1 << 20) - 1, (1 << 20) - 1, 20));
    assertEquals(H, lastWorldTile.getMaxX(), 0.0, "outer edges are the extent's own values");
    assertEquals(-H, lastWorldTile.getMinY(), 0.0);
  }

  @Test
  void interiorPointsAndHalfOpenEdges() {
    assertEquals(RclKey.of(1, 1, 2), small.tileAt(300, 600, 2));
    // a shared vertical edge belongs to the tile east of it, a shared horizontal edge to the tile south of it
    assertEquals(RclKey.of(1, 2, 2), small.tileAt(512, 600, 2));
    assertEquals(RclKey.of(2, 1, 2), small.tileAt(300, 512, 2));
    // a shared corner belongs to the tile south-east of it
    assertEquals(RclKey.of(2, 2, 2), small.tileAt(512, 512, 2));
    assertEquals(RclKey.of(1, 1, 2), small.tileAt(256, 768, 2), "a tile owns its north-west corner");
  }

  @Test
  void outerEdgesAndCornersBelongToTheBorderTiles() {
    assertEquals(RclKey.of(0, 0, 2), small.tileAt(0, 1024, 2), "north-west corner");
    assertEquals(RclKey.of(0, 3, 2), small.tileAt(1024, 1024, 2), "north-east corner");
    assertEquals(RclKey.of(3, 0, 2), small.tileAt(0, 0, 2), "south-west corner");
    assertEquals(RclKey.of(3, 3, 2), small.tileAt(1024, 0, 2), "south-east corner");
    assertEquals(RclKey.of(1, 3, 2), small.tileAt(1024, 600, 2), "outer east edge");
    assertEquals(RclKey.of(3, 1, 2), small.tileAt(300, 0, 2), "outer south edge");
    // the antimeridian: x = ±H are the grid's west and east edges
    int last = (1 << 13) - 1;
    assertEquals(0, grid.tileAt(-H, 0, 13).col());
    assertEquals(last, grid.tileAt(H, 0, 13).col());
    assertEquals(0, grid.tileAt(0, H, 13).row());
    assertEquals(last, grid.tileAt(0, -H, 13).row());
  }

  @Test
  void pointsBeyondTheExtentAreClamped() {
    assertEquals(RclKey.of(0, 0, 2), small.tileAt(-5, 2000, 2));
    assertEquals(RclKey.of(3, 3, 2), small.tileAt(5000, -1, 2));
    assertEquals(RclKey.of(0, 0, 2), small.tileAt(Double.NaN, Double.NaN, 2));
  }

  @Test
  void everyEdgeOfEveryLevelIsOwnedByTheTileItStarts() {
    // Regression guard for floor((x - minX) / size) rounding: on World Mercator the edge
    // coordinates are not exact multiples, so the estimate alone can land one tile off.
    Random random = new Random(7);
    for (int level = 0; level <= RclKey.MAX_LEVEL; level++) {
      int side = 1 << level;
      for (int i = 0; i < 200; i++) {
        int row = random.nextInt(side);
        int col = random.nextInt(side);
        RclKey key = RclKey.of(row, col, level);
        Envelope e = grid.tileEnvelope(key);
        assertEquals(key, grid.tileAt(e.getMinX(), e.getMaxY(), level), "north-west corner of " + key);
        assertEquals(col, grid.colOf(Math.nextDown(e.getMaxX()), level), "just inside the east edge of " + key);
        assertEquals(row, grid.rowOf(Math.nextUp(e.getMinY()), level), "just inside the south edge of " + key);
        if (col < side - 1) {
          assertEquals(col + 1, grid.colOf(e.getMaxX(), level), "east edge of " + key);
        }
        if (row < side - 1) {
          assertEquals(row + 1, grid.rowOf(e.getMinY(), level), "south edge of " + key);
        }
      }
    }
  }

  @Test
  void tilesIntersectingUsesClosedIntersection() {
    assertEquals(List.of(RclKey.of(1, 1, 2)), small.tilesIntersecting(new Envelope(300, 400, 600, 700), 2));
    // a box touching an edge gets the tiles on both sides
    assertEquals(List.of(RclKey.of(1, 1, 2), RclKey.of(1, 2, 2)), small.tilesIntersecting(new Envelope(300, 512, 600, 700), 2));
    assertEquals(List.of(RclKey.of(1, 1, 2), RclKey.of(1, 2, 2)), small.tilesIntersecting(new Envelope(512, 512, 600, 600), 2));
    // a point on a corner touches four tiles
    assertEquals(List.of(RclKey.of(1, 1, 2), RclKey.of(1, 2, 2), RclKey.of(2, 1, 2), RclKey.of(2, 2, 2)),
        small.tilesIntersecting(new Envelope(512, 512, 512, 512), 2));
    assertEquals(16, small.tilesIntersecting(new Envelope(0, 1024, 0, 1024), 2).size());
    assertEquals(16, small.tilesIntersecting(new Envelope(-1e9, 1e9, -1e9, 1e9), 2).size(), "clamped to the grid");
    assertEquals(List.of(RclKey.of(0, 3, 2)), small.tilesIntersecting(new Envelope(1024, 2000, 1024, 2000), 2),
        "touching the outer corner");
  }

  @Test
  void tilesIntersectingNothing() {
    assertEquals(List.of(), small.tilesIntersecting(new Envelope(1025, 2000, 0, 100), 2));
    assertEquals(List.of(), small.tilesIntersecting(new Envelope(), 2));
    assertEquals(List.of(), small.tilesIntersecting(null, 2));
  }

  @Test
  void tilesIntersectingIsInKeyOrder() {
    List<RclKey> keys = grid.tilesIntersecting(new Envelope(-1e6, 2e6, -3e6, 1e5), 8);
    assertTrue(keys.size() > 20);
    for (int i = 1; i < keys.size(); i++) {
      assertTrue(keys.get(i - 1).compareTo(keys.get(i)) < 0);
    }
  }

  @Test
  void invalidArguments() {
    assertThrows(IllegalArgumentException.class, () -> new RclGrid(new Envelope(0, 10, 0, 20)), "not square");
    assertThrows(IllegalArgumentException.class, () -> new RclGrid(new Envelope()), "empty");
    assertThrows(IllegalArgumentException.class, () -> grid.tileSize(29));
    assertThrows(IllegalArgumentException.class, () -> grid.tileAt(0, 0, -1));
    assertThrows(IllegalArgumentException.class, () -> grid.tilesIntersecting(grid.extent(), 28), "2^56 tiles");
  }
}
