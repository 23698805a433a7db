package io.chartstream.app.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chartstream.app.progress.EtaEstimator.Sample;
import org.junit.jupiter.api.Test;

class EtaEstimatorTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void unknownUntilAChartHasBeenReadAndThePipelineMoved() {
    EtaEstimator eta = new EtaEstimator(10);
    assertNull(eta.etaSeconds());
    eta.add(new Sample(0, 0, 0, 1000, 0));
    assertNull(eta.etaSeconds(), "no features per byte known yet");
    eta.add(new Sample(SECOND, 500, 0, 1000, 500));
    assertNull(eta.etaSeconds(), "no chart finished: features per byte unknown");
  }

  @Test
  void unreadBytesAtTheObservedDensityPlusLagOverThePace() {
    EtaEstimator eta = new EtaEstimator(10);
    // 1000 features from the first 100 of 400 bytes: 10 features per byte, 3000 to come.
    eta.add(new Sample(0, 0, 0, 400, 0));
    eta.add(new Sample(2 * SECOND, 1000, 100, 400, 600));
    // processed 400 features in 2 s: 200/s; left: 3000 unread + 600 lag = 3600 → 18 s.
    assertEquals(18.0, eta.etaSeconds(), 1e-9);
    assertEquals(500.0, eta.featuresPerSecond(), 1e-9);
  }

  @Test
  void zeroWhenEverythingIsReadAndProcessed() {
    EtaEstimator eta = new EtaEstimator(10);
    eta.add(new Sample(0, 1000, 400, 400, 0));
    assertEquals(0.0, eta.etaSeconds());
  }

  @Test
  void onlyTheRecentWindowSetsThePace() {
    EtaEstimator eta = new EtaEstimator(5);
    eta.add(new Sample(0, 0, 0, 1000, 0));
    eta.add(new Sample(100 * SECOND, 100, 100, 1000, 0)); // a slow start: 1 feature/s
    eta.add(new Sample(102 * SECOND, 300, 100, 1000, 0));
    eta.add(new Sample(104 * SECOND, 500, 100, 1000, 0)); // now 100 features/s
    // window of 5 s keeps 100..104 s: 400 features in 4 s. Unread 900 bytes × 5 features/byte = 4500 → 45 s.
    assertEquals(45.0, eta.etaSeconds(), 1e-9);
  }

  @Test
  void unknownWhenNothingMovedWithinTheWindow() {
    EtaEstimator eta = new EtaEstimator(5);
    eta.add(new Sample(0, 100, 10, 1000, 50));
    eta.add(new Sample(3 * SECOND, 100, 10, 1000, 50));
    assertNull(eta.etaSeconds());
  }

  @Test
  void repartitionRecordsInTheLagDoNotHideThePace() {
    EtaEstimator eta = new EtaEstimator(10);
    // All read; the lag counts repartition records too and exceeds the features read.
    eta.add(new Sample(0, 6000, 400, 400, 8000));
    eta.add(new Sample(2 * SECOND, 6000, 400, 400, 6000));
    assertEquals(6.0, eta.etaSeconds(), 1e-9);
  }
}
