package io.chartstream.ingest.s57.simulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * What a simulated delivery of N cells holds: how many cells of each usage band, which source each
 * copy is made from, where it goes and its name. Every copy is computed from its index and the
 * seed with a few counters, so a plan of 45,000 cells takes no more memory than one of ten.
 *
 * <p><b>Bands.</b> The mix gives each band its share of N. A band takes at most its grid's
 * {@linkplain BandGrid#capacity() capacity}, and none where the source directory has no cell of
 * that band (a copy keeps its source's band). What a band cannot take goes to the next more
 * detailed band with room (its cells are smaller, so it holds more), else to the next less
 * detailed one; every such move is reported with its reason. When all bands together cannot
 * take N, nothing is planned.
 *
 * <p><b>Order.</b> The bands are interleaved by smooth weighted round robin, so every stretch of
 * the delivery has the mix of the whole. Within a band, copy j is made from the band's sources in
 * a seeded order, in turn (so every source is used once the band has as many copies as sources),
 * goes to slot j of the band's {@link BandGrid}, and is named from a seeded permutation of j.
 */
public final class DeliveryPlan {
  /** Five characters of [0-9A-Z] after producer and band: 36^5 names per band. */
  static final long NAMES_PER_BAND = 60_466_176L;
  private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * Cells a band passed on to another.
   *
   * @param reason why the band could not take them
   */
  public record Move(int from, int to, long cells, String reason) {}

  /**
   * One copy of the delivery.
   *
   * @param index  0 to N−1, the order copies are written in
   * @param chartId the copy's cell name, e.g. {@code US5K3Z07}
   * @param dy     latitude offset in the source's COMF units
   * @param dx     longitude offset in the source's COMF units
   */
  public record PlannedCopy(long index, String chartId, SourceCell source, long dy, long dx) {
    public int band() {
      return source.band();
    }
  }

  private final long cells;
  private final long seed;
  private final long[] requested;
  private final long[] placed;
  private final BandGrid[] grids = new BandGrid[BandMix.BANDS + 1];
  private final List<List<SourceCell>> sources = new ArrayList<>();
  private final List<Move> moves;

  private DeliveryPlan(long cells, long seed, long[] requested, long[] placed, List<Move> moves) {
    this.cells = cells;
    this.seed = seed;
    this.requested = requested;
    this.placed = placed;
    this.moves = List.copyOf(moves);
  }

  /**
   * Plans {@code cells} copies of {@code available} in {@code mix}.
   *
   * @throws IllegalArgumentException if there is no source, or the bands cannot hold that many
   *     cells without overlap (the message gives what they hold)
   */
  public static DeliveryPlan of(List<SourceCell> available, BandMix mix, long cells, long seed) {
    if (cells < 1) {
      throw new IllegalArgumentException("a delivery has at least one cell, not " + cells);
    }
    if (available.isEmpty()) {
      throw new IllegalArgumentException("no source cell to copy");
    }
    List<List<SourceCell>> byBand = new ArrayList<>();
    BandGrid[] grids = new BandGrid[BandMix.BANDS + 1];
    long[] capacity = new long[BandMix.BANDS + 1];
    for (int band = 0; band <= BandMix.BANDS; band++) {
      int b = band;
      List<SourceCell> ofBand = new ArrayList<>(available.stream().filter(s -> s.band() == b)
          .sorted(Comparator.comparing(SourceCell::chartId)).toList());
      Collections.shuffle(ofBand, new Random(Seeds.mix(seed, band)));
      byBand.add(ofBand);
      if (band > 0 && !ofBand.isEmpty()) {
        grids[band] = BandGrid.of(band, ofBand, seed);
        capacity[band] = Math.min(grids[band].capacity(), NAMES_PER_BAND);
      }
    }
    long[] requested = mix.counts(cells);
    long[] placed = requested.clone();
    Map<String, Move> moves = new LinkedHashMap<>();
    for (int band = 1; band <= BandMix.BANDS; band++) {
      while (placed[band] > capacity[band]) {
        int to = withRoom(band, placed, capacity);
        if (to == 0) {
          long total = 0;
          for (long c : capacity) {
            total += c;
          }
          throw new IllegalArgumentException(cells + " cells do not fit: copies of one band must not overlap, "
              + "and the source cells' bands hold at most " + total + " cells in all " + describe(grids));
        }
        long moved = Math.min(placed[band] - capacity[band], capacity[to] - placed[to]);
        placed[band] -= moved;
        placed[to] += moved;
        String reason = byBand.get(band).isEmpty()
            ? "no source cell of band " + band + " (" + BandMix.bandName(band) + ")"
            : String.format(Locale.ROOT, "band %d holds at most %d cells of up to %.3g° × %.3g° without overlap",
                band, capacity[band], grids[band].slotWidth(), grids[band].slotHeight());
        moves.merge(band + ">" + to, new Move(band, to, moved, reason),
            (a, b) -> new Move(a.from(), a.to(), a.cells() + b.cells(), a.reason()));
      }
    }
    DeliveryPlan plan = new DeliveryPlan(cells, seed, requested, placed, new ArrayList<>(moves.values()));
    System.arraycopy(grids, 0, plan.grids, 0, grids.length);
    plan.sources.addAll(byBand);
    return plan;
  }

  /** The next more detailed band with room, else the next less detailed one; 0 if none. */
  private static int withRoom(int band, long[] placed, long[] capacity) {
    for (int to = band + 1; to <= BandMix.BANDS; to++) {
      if (capacity[to] > placed[to]) {
        return to;
      }
    }
    for (int to = band - 1; to >= 1; to--) {
      if (capacity[to] > placed[to]) {
        return to;
      }
    }
    return 0;
  }

  private static String describe(BandGrid[] grids) {
    StringBuilder text = new StringBuilder("(");
    for (BandGrid grid : grids) {
      if (grid != null) {
        text.append(text.length() > 1 ? ", " : "").append("band ").append(grid.band()).append(": ")
            .append(grid.capacity());
      }
    }
    return text.append(")").toString();
  }

  public long cells() {
    return cells;
  }

  /** The cells the mix asked of {@code band}. */
  public long requested(int band) {
    return requested[band];
  }

  /** The cells {@code band} holds after the moves. */
  public long placed(int band) {
    return placed[band];
  }

  /** How many copies of {@code band} fit; 0 for a band without a source cell. */
  public long capacity(int band) {
    return grids[band] == null ? 0 : Math.min(grids[band].capacity(), NAMES_PER_BAND);
  }

  /** The side of {@code band}'s slots, {width, height} in degrees, or null for a band without a source. */
  public double[] slotSize(int band) {
    return grids[band] == null ? null : new double[] {grids[band].slotWidth(), grids[band].slotHeight()};
  }

  /** The source cells of {@code band}. */
  public int sourceCount(int band) {
    return sources.get(band).size();
  }

  public List<Move> moves() {
    return moves;
  }

  /** The copies in delivery order, computed as they are taken. */
  public Iterator<PlannedCopy> copies() {
    return new Iterator<>() {
      private final long[] current = new long[BandMix.BANDS + 1];
      private final long[] taken = new long[BandMix.BANDS + 1];
      private long index;

      @Override
      public boolean hasNext() {
        return index < cells;
      }

      @Override
      public PlannedCopy next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int band = 0;
        for (int b = 1; b <= BandMix.BANDS; b++) {
          current[b] += placed[b];
          if (placed[b] > 0 && (band == 0 || current[b] > current[band])) {
            band = b;
          }
        }
        current[band] -= cells;
        long j = taken[band]++;
        List<SourceCell> ofBand = sources.get(band);
        SourceCell source = ofBand.get((int) (j % ofBand.size()));
        long[] offset = grids[band].offset(source, j);
        return new PlannedCopy(index++, name(source, j), source, offset[0], offset[1]);
      }
    };
  }

  /** Producer code and band of the source, then five characters from a seeded permutation of j. */
  private String name(SourceCell source, long j) {
    int band = source.band();
    long multiplier = 1 + 2 * Math.floorMod(Seeds.mix(seed, 300 + band), NAMES_PER_BAND / 2);
    while (multiplier % 3 == 0) { // coprime with 36^5 = 2^10 × 3^10
      multiplier += 2;
    }
    long code = Math.floorMod(multiplier * j + Seeds.mix(seed, 400 + band) % NAMES_PER_BAND, NAMES_PER_BAND);
    char[] five = new char[5];
    for (int i = 4; i >= 0; i--) {
      five[i] = DIGITS.charAt((int) (code % 36));
      code /= 36;
    }
    return source.chartId().substring(0, 2) + band + new String(five);
  }
}
