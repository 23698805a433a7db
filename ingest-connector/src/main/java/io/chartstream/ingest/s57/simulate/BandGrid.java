package io.chartstream.ingest.s57.simulate;

import java.util.List;

/**
 * Where the copies of one usage band may go: a grid of equal slots over longitudes −180° to 180°
 * and latitudes −70° to 70°, each slot as large as the band's largest source cell plus a margin, so
 * that a copy of any of them fits in any slot and two copies never overlap. A copy is centred in
 * its slot. The grid holds {@link #capacity()} copies; the slot of the j-th copy is a permutation
 * of j drawn from the seed, so copies spread over the globe and no list of taken slots is kept.
 */
record BandGrid(int band, double slotWidth, double slotHeight, long columns, long rows, long multiplier, long shift) {
  static final double WEST = -180;
  static final double SOUTH = -70;
  static final double WIDTH = 360;
  static final double HEIGHT = 140;
  /** Room between neighbouring copies, as a share of the slot: they never touch. */
  static final double MARGIN = 0.02;
  /** The smallest slot side in degrees, for a cell whose positions are all on one line. */
  static final double MIN_SIDE = 1e-4;
  /** Slots are counted in a long, and j × multiplier must not overflow one. */
  static final long MAX_CAPACITY = 1L << 31;

  /** The grid of {@code band} for {@code sources} (all of that band, at least one). */
  static BandGrid of(int band, List<SourceCell> sources, long seed) {
    double width = MIN_SIDE;
    double height = MIN_SIDE;
    for (SourceCell source : sources) {
      width = Math.max(width, source.widthDegrees());
      height = Math.max(height, source.heightDegrees());
    }
    double slotWidth = width * (1 + MARGIN);
    double slotHeight = height * (1 + MARGIN);
    long columns = (long) Math.floor(WIDTH / slotWidth);
    long rows = (long) Math.floor(HEIGHT / slotHeight);
    long capacity = Math.min(MAX_CAPACITY, columns * rows);
    long multiplier = 1;
    long shift = 0;
    if (capacity > 1) {
      // A multiplier coprime with the capacity makes j -> (m j + s) mod capacity a permutation.
      multiplier = 1 + Math.floorMod(Seeds.mix(seed, 100 + band), capacity - 1);
      while (gcd(multiplier, capacity) != 1) {
        multiplier = multiplier % (capacity - 1) + 1;
      }
      shift = Math.floorMod(Seeds.mix(seed, 200 + band), capacity);
    }
    return new BandGrid(band, slotWidth, slotHeight, columns, rows, multiplier, shift);
  }

  /** How many copies of the band fit without overlap. */
  long capacity() {
    return Math.min(MAX_CAPACITY, columns * rows);
  }

  /** West and south edges, in degrees, of the slot of the {@code j}-th copy of the band ({@code j < capacity}). */
  double[] slot(long j) {
    long slot = Math.floorMod(multiplier * j + shift, capacity());
    return new double[] {WEST + (slot % columns) * slotWidth, SOUTH + (slot / columns) * slotHeight};
  }

  /**
   * The offset in COMF units that centres {@code source} in the slot of the {@code j}-th copy:
   * {dy, dx}.
   */
  long[] offset(SourceCell source, long j) {
    double[] slot = slot(j);
    double west = slot[0] + (slotWidth - source.widthDegrees()) / 2;
    double south = slot[1] + (slotHeight - source.heightDegrees()) / 2;
    return new long[] {
        Math.round(south * source.comf()) - source.box().minY(),
        Math.round(west * source.comf()) - source.box().minX()};
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
