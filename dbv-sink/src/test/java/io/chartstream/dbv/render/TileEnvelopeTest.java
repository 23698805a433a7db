package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileEnvelopeTest {
  static final double E = TileEnvelope.HALF_EDGE;

  @Test
  void levelZeroIsTheWorld() {
    assertEquals(new Envelope(-E, E, -E, E), TileEnvelope.of(0, 0, 0));
  }

  @Test
  void rowZeroIsNorth() {
    assertEquals(new Envelope(-E, 0, 0, E), TileEnvelope.of(1, 0, 0));
    assertEquals(new Envelope(0, E, -E, 0), TileEnvelope.of(1, 1, 1));
  }

  @Test
  void tilesOfALevelShareEdges() {
    Envelope a = TileEnvelope.of(13, 2860, 1310);
    Envelope east = TileEnvelope.of(13, 2860, 1311);
    Envelope south = TileEnvelope.of(13, 2861, 1310);
    assertEquals(a.getMaxX(), east.getMinX(), 1e-6);
    assertEquals(a.getMinY(), south.getMaxY(), 1e-6);
    assertEquals(2 * E / 8192, a.getWidth(), 1e-6);
  }
}
