package io.chartstream.ingest.s57;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch on a real directory (inotify on Linux): changes in directories created after it
 * opened are reported, a watch closed from another thread stops waiting quietly, and an input
 * that is not a directory gives no watch rather than an exception.
 */
class InputWatchTest {
  /** Generous: the bound of a wait that must end with an event, not a measurement. */
  private static final long EVENT_WAIT_MILLIS = 30_000;

  @TempDir
  Path input;

  @Test
  void reportsChangesInDirectoriesCreatedAfterItOpened() throws Exception {
    try (InputWatch watch = InputWatch.open(input).orElseThrow()) {
      Path chart = Files.createDirectories(input.resolve("ENC_ROOT/US9XX01M"));
      assertTrue(watch.awaitChange(EVENT_WAIT_MILLIS), "the new directories are reported");
      while (watch.awaitChange(200)) {
        // drain what the creation of both levels gave
      }
      Files.writeString(chart.resolve("US9XX01M.000"), "x");
      assertTrue(watch.awaitChange(EVENT_WAIT_MILLIS), "a file in the new, nested directory is reported");
    }
  }

  @Test
  void closingFromAnotherThreadEndsTheWaitQuietly() throws Exception {
    InputWatch watch = InputWatch.open(input).orElseThrow();
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return watch.awaitChange(EVENT_WAIT_MILLIS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(100);
    watch.close();
    assertFalse(waiting.get(EVENT_WAIT_MILLIS, TimeUnit.MILLISECONDS));
  }

  @Test
  void noWatchOnWhatIsNotADirectory() throws Exception {
    assertTrue(InputWatch.open(input.resolve("missing")).isEmpty());
    assertTrue(InputWatch.open(Files.writeString(input.resolve("a-file"), "x")).isEmpty());
  }
}
