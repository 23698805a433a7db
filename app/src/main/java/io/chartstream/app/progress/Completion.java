package io.chartstream.app.progress;

import java.time.Duration;

/**
 * The one meaning of "done" for a production (`run`, `replay`): everything expected was read
 * (ingest complete), the topology has processed every record of its inputs (its lag is zero),
 * the sink has stored every tile and catalogue record written (its lag is zero), and all three
 * have held for {@link #SETTLE}: the topology's emission pass runs every 100 ms and commits, so
 * a moment of zero lag between a chart's end and its tiles is not taken for the end.
 * Not thread-safe: one observer.
 */
public final class Completion {
  /** How long the production must stay caught up to be done. */
  public static final Duration SETTLE = Duration.ofSeconds(3);

  private long caughtUpSince = -1;

  /** Whether the stages have caught up at this moment. */
  public static boolean caughtUp(boolean ingestComplete, long topologyLag, boolean sinkCaughtUp) {
    return ingestComplete && topologyLag == 0 && sinkCaughtUp;
  }

  /** Records one observation at {@code nanoTime}; returns whether the production is done. */
  public boolean observe(boolean caughtUp, long nanoTime) {
    if (!caughtUp) {
      caughtUpSince = -1;
      return false;
    }
    if (caughtUpSince < 0) {
      caughtUpSince = nanoTime;
    }
    return nanoTime - caughtUpSince >= SETTLE.toNanos();
  }
}
