package io.chartstream.schema.tile;

/**
 * The integer grid every tile coordinate lies on: {@code 2^32} steps across the square extent of
 * the RCL pyramid, the same grid at every level. On EPSG:3395 (edge 40,075,016.69 m) a step is
 * 0.933 cm, finer than an S-57 cell's usual coordinate resolution (COMF 10^7 per degree: 1.11 cm
 * of longitude, and more of Mercator northing away from the equator), so placing a vertex on the
 * grid moves it by at most half a step, less than the source's own rounding.
 *
 * <p>A tile at level {@code L} spans {@code 2^(32-L)} steps, and its corners lie on the grid:
 * level 13 tiles are 524,288 steps (4,892 m) wide, level 6 tiles 67,108,864 steps (626 km).
 * Coordinates in a tile are counted from its south-west corner ({@link TileFrame}): at level 13
 * from about -8,192 (the 1/64 buffer) to 532,480, at level 6 from -1,048,576 to 68,157,440;
 * either fits a Java {@code int}, and written as differences between neighbouring vertices most
 * take one or two bytes as varints.
 *
 * <p>Global grid coordinates count from the extent's west and south edges: {@code gx = (x -
 * minX) / step}, rounded to the nearest integer (half away from zero). {@code minX} is itself a
 * multiple of the step on any extent centred on 0, so the grid is also {@code x = k · step}.
 *
 * <p>Immutable ({@code @Immutable}).
 *
 * @param minX west edge of the square extent, in CRS units
 * @param minY south edge
 * @param edge width (and height) of the extent
 */
public record TileGrid(double minX, double minY, double edge) {
  /** Steps across the extent: {@code 2^BITS}. */
  public static final int BITS = 32;
  /** Half the edge of EPSG:3395 World Mercator's square: the equator's half length in metres. */
  public static final double WORLD_MERCATOR_HALF_EDGE = 20037508.342789244;

  public TileGrid {
    if (!(edge > 0) || !Double.isFinite(edge) || !Double.isFinite(minX) || !Double.isFinite(minY)) {
      throw new IllegalArgumentException("a tile grid needs a finite extent, not " + minX + ", " + minY + " + " + edge);
    }
  }

  /** The grid of EPSG:3395 World Mercator, ±20037508.342789244 m. */
  public static TileGrid worldMercator() {
    return centred(WORLD_MERCATOR_HALF_EDGE);
  }

  /** The grid of the square {@code ±halfEdge} on both axes. */
  public static TileGrid centred(double halfEdge) {
    return new TileGrid(-halfEdge, -halfEdge, 2 * halfEdge);
  }

  /** One step, in CRS units: {@code edge / 2^32}. */
  public double step() {
    return Math.scalb(edge, -BITS);
  }

  /** The global grid column of {@code x}: its nearest grid line counted from the west edge. */
  public long gridX(double x) {
    return Math.round((x - minX) / step());
  }

  /** The global grid row of {@code y}, counted from the south edge. */
  public long gridY(double y) {
    return Math.round((y - minY) / step());
  }

  /** The CRS x of global grid column {@code gx}. */
  public double x(long gx) {
    return minX + gx * step();
  }

  /** The CRS y of global grid row {@code gy}. */
  public double y(long gy) {
    return minY + gy * step();
  }

  /** {@code x} moved to its nearest grid line. */
  public double snapX(double x) {
    return x(gridX(x));
  }

  /** {@code y} moved to its nearest grid line. */
  public double snapY(double y) {
    return y(gridY(y));
  }

  /**
   * The frame of the tile at {@code row}, {@code col} of {@code level} (row 0 north, column 0
   * west, as in the RCL key).
   *
   * @throws IllegalArgumentException unless {@code 0 <= level <= 28} and row and column lie in the level
   */
  public TileFrame frame(int level, int row, int col) {
    if (level < 0 || level > 28) {
      throw new IllegalArgumentException("level " + level + " is outside 0..28");
    }
    long side = 1L << level;
    if (row < 0 || row >= side || col < 0 || col >= side) {
      throw new IllegalArgumentException("row " + row + ", col " + col + " outside level " + level);
    }
    int shift = BITS - level;
    return new TileFrame(this, level, row, col, (long) col << shift, (side - 1 - row) << shift);
  }

  /** The frame of an encoded RCL key (level in bits 56-61, row in bits 28-55, column in bits 0-27). */
  public TileFrame frame(long rcl) {
    return frame((int) ((rcl >>> 56) & 0x3F), (int) ((rcl >>> 28) & 0xFFFFFFFL), (int) (rcl & 0xFFFFFFFL));
  }
}
