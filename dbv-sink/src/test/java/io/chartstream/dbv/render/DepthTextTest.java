package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DepthTextTest {
  @Test
  void tenthsBelowThirtyOneMetresTruncated() {
    assertEquals("4.5", DepthText.format(4.5));
    assertEquals("4.0", DepthText.format(4));
    assertEquals("0.3", DepthText.format(0.39));
    assertEquals("12.3", DepthText.format(12.3));
    assertEquals("12", DepthText.format(12));
    assertEquals("30.9", DepthText.format(30.99));
  }

  @Test
  void wholeMetresFromThirtyOne() {
    assertEquals("31", DepthText.format(31.7));
    assertEquals("170", DepthText.format(170.2));
  }

  @Test
  void dryingHeightsByTheirMagnitude() {
    assertEquals("1.2", DepthText.format(-1.25));
  }
}
