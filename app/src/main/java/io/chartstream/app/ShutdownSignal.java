package io.chartstream.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and Ctrl-C as a flag the main loop polls. The JVM ends when its shutdown hooks return,
 * so the hook waits (up to 30 s) until the main thread has closed every service in order;
 * otherwise offsets and transactions would be cut off mid-close.
 */
final class ShutdownSignal {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      signal.requested.countDown();
      try {
        signal.closed.await(30, TimeUnit.SECONDS);
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
