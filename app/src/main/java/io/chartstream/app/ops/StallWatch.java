package io.chartstream.app.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Tells a stage that has work and has stopped moving from one that is only slow. A stage can hang
 * without dying: a stream thread whose producer is refused by the broker at every retry stays
 * RUNNING with its lag frozen, and {@code run --once} would wait on it for ever. The stage is
 * stalled once it has had records to read and its committed position has not moved for
 * {@code after}; time it spends settling (restoring its stores, rebalancing) does not count, since
 * restoring a delivery's stores after a crash can take long and is progress.
 */
public final class StallWatch {
  private final Duration after;
  private final LongSupplier nanoTime;
  private long position = Long.MIN_VALUE;
  private long sinceNanos;

  /** {@code after} zero: never stalled. */
  public StallWatch(Duration after, LongSupplier nanoTime) {
    this.after = after;
    this.nanoTime = nanoTime;
  }

  /**
   * One look at the stage.
   *
   * @param lag records it has to read
   * @param position its committed position, summed over its partitions: it moves when the stage does
   * @param settling whether it is restoring or rebalancing
   * @return why it is stalled, or empty while it moves, settles, or has nothing to do
   */
  public synchronized Optional<String> observe(long lag, long position, boolean settling) {
    long now = nanoTime.getAsLong();
    if (after.isZero() || lag <= 0 || settling || position != this.position) {
      this.position = position;
      sinceNanos = now;
      return Optional.empty();
    }
    long stalledNanos = now - sinceNanos;
    if (stalledNanos < after.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "no progress for %d s with %d records to read (limit --stall-after %d s)",
        stalledNanos / 1_000_000_000L, lag, after.toSeconds()));
  }
}
