package io.chartstream.topology.rcl;

import io.chartstream.schema.tile.TileGrid;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The RCL quadtree pyramid over the target projection's square extent: level {@code L} has
 * {@code 2^L × 2^L} tiles, row 0 at the north edge, column 0 at the west edge.
 *
 * <p>Ownership is half-open so that every point of the extent lies in exactly one tile of a
 * level: a tile owns its west and north edges, its neighbours own its east and south edges;
 * the tiles along the grid's outer east and south edges own those edges too. So a point on a
 * shared vertical edge belongs to the tile east of it, on a shared horizontal edge to the tile
 * south of it.
 *
 * <p>Tile edges are computed in one place ({@link #colEdgeX}, {@link #rowEdgeY}) and
 * {@link #colOf}/{@link #rowOf} correct the floating-point estimate {@code floor((x − minX) / size)}
 * against those edges, so that a coordinate equal to a tile's edge as {@link #tileEnvelope}
 * reports it always falls on the owning side, whatever rounding did. The outer edges are the
 * extent's own values, never {@code minX + 2^L · size}.
 *
 * <p>Immutable ({@code @Immutable}).
 *
 * @see RclKey
 * @see io.chartstream.topology.clip.TileClipper
 */
public final class RclGrid {
  /** Half the edge of EPSG:3395's square: the equator's length on the WGS84 ellipsoid, halved. */
  public static final double WORLD_MERCATOR_HALF_EDGE = 20037508.342789244;

  private final Envelope extent;
  private final double edge;

  /**
   * A grid over {@code squareExtent}.
   *
   * @throws IllegalArgumentException when the extent is null, empty, not finite or not square
   */
  public RclGrid(Envelope squareExtent) {
    if (squareExtent == null || squareExtent.isNull() || squareExtent.getWidth() <= 0
        || !Double.isFinite(squareExtent.getWidth()) || !Double.isFinite(squareExtent.getHeight())) {
      throw new IllegalArgumentException("the grid needs a finite, non-empty extent: " + squareExtent);
    }
    if (Math.abs(squareExtent.getWidth() - squareExtent.getHeight()) > 1e-9 * squareExtent.getWidth()) {
      throw new IllegalArgumentException("the grid's extent must be square: " + squareExtent);
    }
    this.extent = new Envelope(squareExtent);
    this.edge = squareExtent.getWidth();
  }

  /** The grid of the default target CRS, EPSG:3395 World Mercator: x and y within ±20037508.342789244 m. */
  public static RclGrid worldMercator() {
    double h = WORLD_MERCATOR_HALF_EDGE;
    return new RclGrid(new Envelope(-h, h, -h, h));
  }

  /** The integer grid tile coordinates lie on, over the same square ({@link TileGrid}). */
  public TileGrid tileGrid() {
    return new TileGrid(extent.getMinX(), extent.getMinY(), edge);
  }

  /** The square the grid covers (a copy). */
  public Envelope extent() {
    return new Envelope(extent);
  }

  /** Tiles along each side at {@code level}: {@code 2^level}. */
  public static int tilesPerSide(int level) {
    checkLevel(level);
    return 1 << level;
  }

  /** The edge length of a tile at {@code level}, in CRS units. */
  public double tileSize(int level) {
    return edge / tilesPerSide(level);
  }

  /** The x of the west edge of column {@code col} ({@code col = 2^level} gives the grid's east edge). */
  public double colEdgeX(int col, int level) {
    int n = tilesPerSide(level);
    if (col <= 0) {
      return extent.getMinX();
    }
    return col >= n ? extent.getMaxX() : extent.getMinX() + col * (edge / n);
  }

  /** The y of the north edge of row {@code row} ({@code row = 2^level} gives the grid's south edge). */
  public double rowEdgeY(int row, int level) {
    int n = tilesPerSide(level);
    if (row <= 0) {
      return extent.getMaxY();
    }
    return row >= n ? extent.getMinY() : extent.getMaxY() - row * (edge / n);
  }

  /** The closed rectangle of {@code key}'s tile. */
  public Envelope tileEnvelope(RclKey key) {
    return new Envelope(colEdgeX(key.col(), key.level()), colEdgeX(key.col() + 1, key.level()),
        rowEdgeY(key.row() + 1, key.level()), rowEdgeY(key.row(), key.level()));
  }

  /** The column owning {@code x} at {@code level} (west edges belong to their tile), clamped into the grid. */
  public int colOf(double x, int level) {
    int n = tilesPerSide(level);
    int col = clamp(Math.floor((x - extent.getMinX()) / (edge / n)), n);
    // The estimate may be one off where x lies on or within rounding of an edge: settle it on the edges.
    if (col > 0 && x < colEdgeX(col, level)) {
      col--;
    } else if (col < n - 1 && x >= colEdgeX(col + 1, level)) {
      col++;
    }
    return col;
  }

  /** The row owning {@code y} at {@code level} (north edges belong to their tile), clamped into the grid. */
  public int rowOf(double y, int level) {
    int n = tilesPerSide(level);
    int row = clamp(Math.floor((extent.getMaxY() - y) / (edge / n)), n);
    if (row > 0 && y > rowEdgeY(row, level)) {
      row--;
    } else if (row < n - 1 && y <= rowEdgeY(row + 1, level)) {
      row++;
    }
    return row;
  }

  /**
   * The tile owning the point ({@code x}, {@code y}): half-open ownership, clamped into the grid
   * (a point beyond the extent gets the nearest border tile; callers that must cut such points
   * test {@link #extent()} first).
   */
  public RclKey tileAt(double x, double y, int level) {
    return RclKey.of(rowOf(y, level), colOf(x, level), level);
  }

  /**
   * Every tile whose closed rectangle intersects the closed envelope {@code e}, in key order. A
   * box touching a tile edge gets the tiles on both sides.
   *
   * @return an empty list when {@code e} is null, empty or outside the extent
   * @throws IllegalArgumentException when the answer would exceed {@code Integer.MAX_VALUE} tiles
   */
  public List<RclKey> tilesIntersecting(Envelope e, int level) {
    int[] range = tileRange(e, level);
    if (range == null) {
      return List.of();
    }
    long count = (long) (range[1] - range[0] + 1) * (range[3] - range[2] + 1);
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(count + " tiles intersect " + e + " at level " + level);
    }
    List<RclKey> keys = new ArrayList<>((int) count);
    for (int row = range[0]; row <= range[1]; row++) {
      for (int col = range[2]; col <= range[3]; col++) {
        keys.add(RclKey.of(row, col, level));
      }
    }
    return keys;
  }

  /**
   * {minRow, maxRow, minCol, maxCol} of the tiles whose closed rectangles intersect the closed
   * envelope {@code e}, or null when none do.
   */
  public int[] tileRange(Envelope e, int level) {
    checkLevel(level);
    if (e == null || e.isNull() || !extent.intersects(e)) {
      return null;
    }
    int minCol = colOf(e.getMinX(), level);
    if (minCol > 0 && e.getMinX() == colEdgeX(minCol, level)) {
      minCol--; // on a vertical edge: the tile west of it touches the box too
    }
    int minRow = rowOf(e.getMaxY(), level);
    if (minRow > 0 && e.getMaxY() == rowEdgeY(minRow, level)) {
      minRow--; // on a horizontal edge: the tile north of it touches the box too
    }
    return new int[] {minRow, rowOf(e.getMinY(), level), minCol, colOf(e.getMaxX(), level)};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RclGrid other && extent.equals(other.extent);
  }

  @Override
  public int hashCode() {
    return extent.hashCode();
  }

  @Override
  public String toString() {
    return "RclGrid" + extent;
  }

  private static int clamp(double index, int n) {
    if (!(index >= 0)) { // also NaN
      return 0;
    }
    return index >= n ? n - 1 : (int) index;
  }

  private static void checkLevel(int level) {
    if (level < 0 || level > RclKey.MAX_LEVEL) {
      throw new IllegalArgumentException("level " + level + " is outside 0.." + RclKey.MAX_LEVEL);
    }
  }
}
