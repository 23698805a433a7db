package io.chartstream.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and Ctrl-C as a flag the main loop polls. The JVM ends when its shutdown hooks return,
 * so the hook waits (up to 30 s) until the main thread has closed every service in order;
 * otherwise offsets and transactions would be cut off mid-close. A stop that closed everything
 * in time is a clean stop: the process exits 0 (not 143, the JVM's status for SIGTERM), so
 * service managers and schedulers do not report a failure.
 */
final class ShutdownSignal {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (signal.closed.getCount() == 0) {
        return; // the command finished on its own and exits with its own status
      }
      signal.requested.countDown();
      try {
        if (signal.closed.await(30, TimeUnit.SECONDS)) {
          System.out.flush();
          Runtime.getRuntime().halt(0);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "chartstream-shutdown"));
    return signal;
  }

  boolean isRequested() {
    return requested.getCount() == 0;
  }

  /** Called by the main thread once everything is closed. */
  void closed() {
    closed.countDown();
  }
}
