package io.chartstream.topology.rcl;

/**
 * The address of one tile of the {@link RclGrid} (Row, Column, Level), packed into one
 * {@code long} that keys tiles on Kafka and in state stores.
 *
 * <p>Encoding: level in bits 56–61, row in bits 28–55, column in bits 0–27. So encoded keys are
 * non-negative and sort by level, then row (north to south), then column (west to east), and a
 * key's bytes sort the same way as its value. 28 bits per axis bound the level at
 * {@link #MAX_LEVEL} 28 (tiles of about 15 cm on World Mercator), far below any chart's need.
 *
 * <p>Immutable (in jcip's sense: {@code @Immutable}). The canonical constructor checks that the
 * four components agree, so a key can never carry an encoding that differs from its row, column
 * and level.
 *
 * @param encoded the packed key, as {@link #decode(long)} takes it
 * @param row     0 at the grid's north edge, growing southwards, {@code < 2^level}
 * @param col     0 at the grid's west edge, growing eastwards, {@code < 2^level}
 * @param level   0 (one tile for the whole grid) to {@link #MAX_LEVEL}
 * @see RclGrid
 */
public record RclKey(long encoded, int row, int col, int level) implements Comparable<RclKey> {
  /** The deepest level a key can address. */
  public static final int MAX_LEVEL = 28;

  private static final int AXIS_BITS = 28;
  private static final long AXIS_MASK = (1L << AXIS_BITS) - 1;
  private static final int LEVEL_SHIFT = 2 * AXIS_BITS;
  private static final long LEVEL_MASK = 0x3FL;

  /** Checks that the components describe a tile and agree with the encoding. */
  public RclKey {
    check(row, col, level);
    if (encoded != encode(row, col, level)) {
      throw new IllegalArgumentException("encoded " + encoded + " is not the key of " + level + "/" + row + "/" + col);
    }
  }

  /**
   * The key of the tile at {@code row}, {@code col} of {@code level}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= level <= 28} and {@code 0 <= row, col < 2^level}
   */
  public static RclKey of(int row, int col, int level) {
    check(row, col, level);
    return new RclKey(encode(row, col, level), row, col, level);
  }

  /**
   * The key whose {@link #encoded()} value is {@code encoded}.
   *
   * @throws IllegalArgumentException when {@code encoded} is not the encoding of any tile (negative,
   *                                  bits 62–63 set, level above 28, row or column beyond the level)
   */
  public static RclKey decode(long encoded) {
    if (encoded < 0 || (encoded >>> (LEVEL_SHIFT + 6)) != 0) {
      throw new IllegalArgumentException("not an RCL key (bits above 61 set): " + Long.toHexString(encoded));
    }
    int level = (int) ((encoded >>> LEVEL_SHIFT) & LEVEL_MASK);
    int row = (int) ((encoded >>> AXIS_BITS) & AXIS_MASK);
    int col = (int) (encoded & AXIS_MASK);
    return of(row, col, level);
  }

  /** Orders by level, then row, then column: the order of {@link #encoded()}. */
  @Override
  public int compareTo(RclKey other) {
    return Long.compare(encoded, other.encoded);
  }

  /** {@code level/row/col}, e.g. {@code 13/3012/2404}. */
  @Override
  public String toString() {
    return level + "/" + row + "/" + col;
  }

  private static long encode(int row, int col, int level) {
    return ((long) level << LEVEL_SHIFT) | ((long) row << AXIS_BITS) | col;
  }

  private static void check(int row, int col, int level) {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("level " + level + " is outside 0.." + MAX_LEVEL);
    }
    long side = 1L << level;
    if (row < 0 || row >= side || col < 0 || col >= side) {
      throw new IllegalArgumentException(
          "row " + row + ", col " + col + " outside the " + side + "x" + side + " tiles of level " + level);
    }
  }
}
