package io.chartstream.schema.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grid's documented figures (docs/dbv-format.md), computed from the EPSG:3395 extent, never copied from the code. */
class TileGridTest {
  private static final double H = 20037508.342789244;
  private final TileGrid grid = TileGrid.worldMercator();

  @Test
  void aStepIsTheExtentOverTwoToThe32AndFinerThanS57Resolution() {
    assertEquals(2 * H / 4294967296.0, grid.step(), 0.0);
    assertEquals(0.00933, grid.step(), 1e-5);
    // COMF 10^7 per degree: 1e-7 degree of longitude on the equator of the WGS84 ellipsoid, in metres.
    double comf = 6378137.0 * Math.toRadians(1e-7);
    assertTrue(grid.step() < comf, grid.step() + " m per step against " + comf + " m per S-57 unit");
  }

  @Test
  void level13AndLevel6TilesAsDocumented() {
    TileFrame l13 = grid.frame(13, 2900, 1300);
    assertEquals(524_288, l13.side());
    assertEquals(2 * H / 8192, l13.length(l13.side()), 1e-6, "a level-13 tile is 4,892 m wide");
    assertEquals(1300L * 524_288, l13.originX());
    assertEquals((8191L - 2900) * 524_288, l13.originY());
    TileFrame l6 = grid.frame(6, 20, 10);
    assertEquals(67_108_864, l6.side());
    assertEquals(2 * H / 64, l6.length(l6.side()), 1e-6);
    // The west edge of the level-13 tile, as the RCL grid computes it, is local 0.
    double west = -H + 1300 * (2 * H / 8192);
    double south = H - (2900 + 1) * (2 * H / 8192);
    assertEquals(0, l13.localX(west));
    assertEquals(0, l13.localY(south));
    assertEquals(-8192, l13.localX(west - 2 * H / 8192 / 64), "the 1/64 buffer");
  }

  @Test
  void snappingMovesAtMostHalfAStepAndIsStable() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      double x = (random.nextDouble() * 2 - 1) * H;
      double snapped = grid.snapX(x);
      assertTrue(Math.abs(snapped - x) <= grid.step() / 2 + 1e-9, x + " -> " + snapped);
      assertEquals(snapped, grid.snapX(snapped), 0.0);
      assertEquals(grid.gridX(x), grid.gridX(snapped));
    }
  }

  @Test
  void framesOfEncodedRclKeysAndOutOfRangeTiles() {
    long rcl = (13L << 56) | (2900L << 28) | 1300L;
    assertEquals(grid.frame(13, 2900, 1300), grid.frame(rcl));
    assertThrows(IllegalArgumentException.class, () -> grid.frame(3, 8, 0));
    assertThrows(IllegalArgumentException.class, () -> grid.frame(29, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TileGrid(0, 0, 0));
  }
}
