package io.chartstream.dbv.render;

import io.chartstream.schema.avro.RclTile;
import org.locationtech.jts.geom.Envelope;

/**
 * Where an RCL lies in EPSG:3395 metres, from its level, row and column alone: the grid is the
 * square ±{@value #HALF_EDGE} m, level L has 2^L × 2^L tiles, row 0 at the north edge. The same
 * arithmetic as the topology's {@code RclGrid.worldMercator()}, repeated here because a reader of
 * tiles must not need the topology.
 *
 * <p>Stateless ({@code @Immutable}).
 */
public final class TileEnvelope {
  /** Half the edge of the world square, metres (the equator's half length on the WGS84 ellipsoid). */
  public static final double HALF_EDGE = 20037508.342789244;

  private TileEnvelope() {}

  /** Edge length of a tile at {@code level}, metres. */
  public static double size(int level) {
    return 2 * HALF_EDGE / (1L << level);
  }

  /** The tile's square, without buffer. */
  public static Envelope of(int level, int row, int col) {
    double size = size(level);
    double minX = -HALF_EDGE + col * size;
    double maxY = HALF_EDGE - row * size;
    return new Envelope(minX, minX + size, maxY - size, maxY);
  }

  /** The square of a tile record. */
  public static Envelope of(RclTile tile) {
    return of(tile.getLevel(), tile.getRow(), tile.getCol());
  }

  /** The union of the squares of {@code tiles}. */
  public static Envelope covering(Iterable<RclTile> tiles) {
    Envelope all = new Envelope();
    tiles.forEach(t -> all.expandToInclude(of(t)));
    return all;
  }
}
