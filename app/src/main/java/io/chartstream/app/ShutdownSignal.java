package io.chartstream.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and Ctrl-C as a flag the main loop polls, and a bound on how long stopping may take.
 * The JVM ends when its shutdown hooks return, so the hook waits until the main thread has closed
 * every service in order (otherwise offsets and transactions would be cut off mid-close), but no
 * longer than {@link #STOP_BUDGET}: a stage busy with one record (a stream thread inside a large
 * feature, a Connect task inside GDAL) cannot be interrupted, and Kafka Streams' own close would
 * wait for it. Past the budget the process halts, saying what it was still closing; everything
 * then resumes from the work dir, as after a kill (open transactions are aborted, a chart being
 * read is read again). A stop that closed everything in time is a clean stop: the process exits 0
 * (not 143, the JVM's status for SIGTERM), so service managers and schedulers do not report a
 * failure; one cut short exits 143.
 */
final class ShutdownSignal implements Production.StopBudget {
  /** Longest a stop may take from the signal: under the 30 s most service managers allow before SIGKILL. */
  static final Duration STOP_BUDGET = Duration.ofSeconds(25);
  /** Exit status of a stop that had to be cut short. */
  static final int CUT_SHORT = 143;

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile long requestedAtNanos;
  private volatile String closing = "stopping";

  static ShutdownSignal install() {
    return install(System.err);
  }

  static ShutdownSignal install(PrintStream err) {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (signal.closed.getCount() == 0) {
        return; // the command finished on its own and exits with its own status
      }
      signal.requestedAtNanos = System.nanoTime();
      signal.requested.countDown();
      try {
        boolean done = signal.closed.await(STOP_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          err.printf("chartstream: still %s %d s after the signal; exiting without waiting for it"
              + " (the next run on this work dir resumes from where this one stopped)%n", signal.closing, STOP_BUDGET.toSeconds());
        }
        System.out.flush();
        err.flush();
        Runtime.getRuntime().halt(done ? 0 : CUT_SHORT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "chartstream-shutdown"));
    return signal;
  }

  boolean isRequested() {
    return requested.getCount() == 0;
  }

  /** Names what the main thread closes now, for the message if the budget runs out. */
  @Override
  public void closing(String what) {
    closing = "closing " + what;
  }

  /** What is left of the stop budget (all of it while no stop was requested), at least a moment. */
  @Override
  public Duration remaining() {
    if (!isRequested()) {
      return STOP_BUDGET;
    }
    long left = STOP_BUDGET.toNanos() - (System.nanoTime() - requestedAtNanos);
    return Duration.ofNanos(Math.max(left, Duration.ofMillis(100).toNanos()));
  }

  /** Called by the main thread once everything is closed. */
  void closed() {
    closed.countDown();
  }
}
