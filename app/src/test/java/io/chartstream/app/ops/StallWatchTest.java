package io.chartstream.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StallWatchTest {
  private final AtomicLong now = new AtomicLong();
  private final StallWatch watch = new StallWatch(Duration.ofMinutes(10), now::get);

  private void minutes(long m) {
    now.addAndGet(Duration.ofMinutes(m).toNanos());
  }

  @Test
  void aFrozenPositionWithRecordsToReadIsAStallOnceTheLimitHasPassed() {
    assertTrue(watch.observe(500, 42, false).isEmpty());
    minutes(9);
    assertTrue(watch.observe(500, 42, false).isEmpty(), "9 of 10 minutes");
    minutes(2);
    String why = watch.observe(700, 42, false).orElseThrow();
    assertEquals("no progress for 660 s with 700 records to read (limit --stall-after 600 s)", why);
  }

  @Test
  void aMovingPositionIsNeverAStall() {
    for (int i = 0; i < 100; i++) {
      minutes(5);
      assertTrue(watch.observe(1_000_000, i, false).isEmpty(), "minute " + i * 5);
    }
  }

  @Test
  void nothingToReadIsNotAStall() {
    watch.observe(0, 42, false);
    minutes(60);
    assertTrue(watch.observe(0, 42, false).isEmpty());
    minutes(9);
    assertTrue(watch.observe(5, 42, false).isEmpty(), "the clock starts when there is work");
    minutes(2);
    assertTrue(watch.observe(5, 42, false).isPresent());
  }

  @Test
  void settlingRestartsTheClock() {
    watch.observe(500, 42, false);
    minutes(30);
    assertTrue(watch.observe(500, 42, true).isEmpty(), "restoring its stores");
    minutes(9);
    assertTrue(watch.observe(500, 42, false).isEmpty());
    minutes(2);
    assertTrue(watch.observe(500, 42, false).isPresent());
  }

  @Test
  void aZeroLimitNeverStalls() {
    StallWatch never = new StallWatch(Duration.ZERO, now::get);
    never.observe(500, 42, false);
    minutes(600);
    assertTrue(never.observe(500, 42, false).isEmpty());
  }
}
