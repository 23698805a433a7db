package io.chartstream.app.progress;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Estimates the time left in a production from what is known while it runs. The input's size is
 * known from the start (bytes of every cell file) but its feature count only once a chart has
 * been read, so the work left is estimated in features: the topology's lag plus the unread
 * bytes times the features per byte of the charts read so far. The pace is the pipeline's
 * recent throughput, features read minus lag, over a sliding window, so a slow start or a
 * paused input does not skew the estimate for long.
 */
public final class EtaEstimator {
  /** What the run knows at one moment. */
  public record Sample(long nanos, long featuresIngested, long bytesIngested, long bytesKnown, long topologyLag) {
    /**
     * Work done so far in features: read minus the topology's lag. The lag counts catalogue and
     * repartition records too, so this is not a count (it may be negative), but its growth over
     * time is the pipeline's pace.
     */
    long done() {
      return featuresIngested - Math.max(0, topologyLag);
    }
  }

  private final long windowNanos;
  private final Deque<Sample> window = new ArrayDeque<>();

  /** @param windowSeconds how far back the pace is measured */
  public EtaEstimator(double windowSeconds) {
    this.windowNanos = (long) (windowSeconds * 1e9);
  }

  /** Records a sample; samples must come in time order. */
  public void add(Sample sample) {
    window.addLast(sample);
    while (window.size() > 2 && sample.nanos() - window.peekFirst().nanos() > windowNanos) {
      window.removeFirst();
    }
  }

  /** Features read per second over the window; 0 before two samples. */
  public double featuresPerSecond() {
    if (window.size() < 2) {
      return 0;
    }
    Sample first = window.peekFirst();
    Sample last = window.peekLast();
    return perSecond(last.featuresIngested() - first.featuresIngested(), last.nanos() - first.nanos());
  }

  /**
   * Seconds left, or null when it cannot be told yet: nothing read so far to learn the features
   * per byte from, or no progress within the window.
   */
  public Double etaSeconds() {
    Sample last = window.peekLast();
    if (last == null) {
      return null;
    }
    long unreadBytes = Math.max(0, last.bytesKnown() - last.bytesIngested());
    if (unreadBytes == 0 && last.topologyLag() <= 0) {
      return 0.0;
    }
    double unreadFeatures = 0;
    if (unreadBytes > 0) {
      if (last.bytesIngested() == 0 || last.featuresIngested() == 0) {
        return null;
      }
      unreadFeatures = unreadBytes * ((double) last.featuresIngested() / last.bytesIngested());
    }
    Sample first = window.peekFirst();
    double pace = perSecond(last.done() - first.done(), last.nanos() - first.nanos());
    if (pace <= 0) {
      return null;
    }
    return (unreadFeatures + Math.max(0, last.topologyLag())) / pace;
  }

  private static double perSecond(long amount, long nanos) {
    return nanos <= 0 ? 0 : amount / (nanos / 1e9);
  }
}
