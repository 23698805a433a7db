package io.chartstream.schema.tile;

/**
 * One tile on the {@link TileGrid}: its south-west corner in global grid coordinates, from which
 * the tile's coordinates count. A tile-local coordinate is {@code global - origin}; the buffer
 * around the tile makes some negative.
 *
 * @param originX global grid column of the tile's west edge: {@code col · 2^(32-level)}
 * @param originY global grid row of its south edge: {@code (2^level - 1 - row) · 2^(32-level)}
 */
public record TileFrame(TileGrid grid, int level, int row, int col, long originX, long originY) {
  /** Tile-local x of CRS {@code x}, rounded to the grid. */
  public long localX(double x) {
    return grid.gridX(x) - originX;
  }

  /** Tile-local y of CRS {@code y}, rounded to the grid. */
  public long localY(double y) {
    return grid.gridY(y) - originY;
  }

  /** The CRS x of tile-local {@code lx}. */
  public double x(long lx) {
    return grid.x(originX + lx);
  }

  /** The CRS y of tile-local {@code ly}. */
  public double y(long ly) {
    return grid.y(originY + ly);
  }

  /** Tile-local steps as CRS units: a distance from the south-west corner. */
  public double length(long steps) {
    return steps * grid.step();
  }

  /** The nearest tile-local step count of a CRS distance from the south-west corner. */
  public long steps(double length) {
    return Math.round(length / grid.step());
  }

  /** Steps along each side of the tile: {@code 2^(32-level)}. */
  public long side() {
    return 1L << (TileGrid.BITS - level);
  }
}
