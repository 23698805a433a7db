package io.chartstream.topology.clip;

import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;

/**
 * How many tiles a geometry would reach at a level, known before any clipping from its envelope
 * alone, and whether that is more than the level table lets one record reach
 * ({@link LevelTable#maxRcls(int)}). {@link TileClipper}'s work on lines and areas grows with the
 * tiles of the envelope (row strips, then the tiles of each strip), so this is the bound on what
 * one feature or one catalogue coverage can cost; points are exempt, as each goes to its one home
 * tile whatever its neighbours.
 *
 * <p>Immutable ({@code @Immutable}).
 */
public final class TileReach {
  private final RclGrid grid;
  private final double bufferFraction;
  private final IntUnaryOperator maxRcls;

  /**
   * With the grid and buffer of the {@link TileClipper} whose work it bounds, and the most tiles
   * of a level one record may reach ({@link LevelTable#maxRcls(int)} through the chart profile).
   */
  public TileReach(RclGrid grid, double bufferFraction, IntUnaryOperator maxRcls) {
    this.grid = Objects.requireNonNull(grid, "grid");
    this.bufferFraction = bufferFraction;
    this.maxRcls = Objects.requireNonNull(maxRcls, "maxRcls");
  }

  /** Tiles of {@code level} the envelope of {@code projected}, grown by the buffer, meets; 0 outside the grid. */
  public long tiles(Geometry projected, int level) {
    if (projected == null || projected.isEmpty()) {
      return 0;
    }
    Envelope envelope = new Envelope(projected.getEnvelopeInternal());
    envelope.expandBy(bufferFraction * grid.tileSize(level));
    int[] range = grid.tileRange(envelope.intersection(grid.extent()), level);
    return range == null ? 0 : (long) (range[1] - range[0] + 1) * (range[3] - range[2] + 1);
  }

  /**
   * Why {@code projected} may not be clipped at {@code level}, or empty when it may: lines and
   * areas whose envelope reaches more tiles than {@link LevelTable#maxRcls(int)}.
   */
  public Optional<String> excess(Geometry projected, int level) {
    if (projected == null || projected instanceof Puntal) {
      return Optional.empty();
    }
    long tiles = tiles(projected, level);
    int limit = maxRcls.applyAsInt(level);
    if (tiles <= limit) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "reaches %,d tiles of level %d, more than the %,d one record may reach (levels.properties rcls.max)", tiles, level, limit));
  }
}
