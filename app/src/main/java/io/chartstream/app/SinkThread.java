package io.chartstream.app;

import io.chartstream.app.ops.StageSupervisor;
import io.chartstream.dbv.sink.DbvSink;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dbv sink on a thread of its own, remembering why it ended if it ended on its own. */
final class SinkThread {
  private static final Logger LOGGER = LoggerFactory.getLogger(SinkThread.class);

  private final DbvSink sink;
  private final Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean closing;

  SinkThread(DbvSink sink) {
    this.sink = sink;
    this.thread = Thread.ofPlatform().name("dbv-sink").unstarted(() -> {
      try {
        sink.run();
      } catch (Throwable e) {
        failure.set(e);
        LOGGER.error("The dbv sink stopped", e);
      }
    });
    thread.start();
  }

  /** Why the sink stopped, when it stopped without being closed. */
  Optional<String> failure() {
    if (closing || thread.isAlive()) {
      return Optional.empty();
    }
    Throwable e = failure.get();
    return Optional.of(e == null ? "its thread ended" : StageSupervisor.describe(e));
  }

  /** Stops the sink after its batch in progress, waiting at most {@code timeout}. */
  void close(Duration timeout) throws InterruptedException {
    closing = true;
    Thread closer = Thread.ofPlatform().name("dbv-sink-close").start(sink::close);
    closer.join(timeout);
    thread.join(Math.max(1, timeout.toMillis()));
  }
}
