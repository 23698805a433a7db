package io.chartstream.app.ops;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last hour of lag samples, in memory only: a ring that drops the oldest. */
public final class LagHistory {
  private final Duration span;
  private final Deque<LagSample> samples = new ArrayDeque<>();

  public LagHistory(Duration span) {
    this.span = span;
  }

  public synchronized void add(LagSample sample) {
    samples.addLast(sample);
    while (!samples.isEmpty() && samples.peekFirst().epochMillis() < sample.epochMillis() - span.toMillis()) {
      samples.removeFirst();
    }
  }

  public synchronized List<LagSample> samples() {
    return new ArrayList<>(samples);
  }
}
