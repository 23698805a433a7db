package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ViewportTest {
  final Viewport view = new Viewport(new Envelope(1000, 3000, 500, 1500), 200, 100);

  @Test
  void northWestIsTheOriginAndYGrowsDown() {
    assertEquals(0, view.x(1000));
    assertEquals(0, view.y(1500));
    assertEquals(200, view.x(3000));
    assertEquals(100, view.y(500));
    assertEquals(50, view.y(1000));
    assertEquals(0.1, view.pixelsPerMetre(), 1e-12);
  }

  @Test
  void envelopesBecomeRectangles() {
    Rectangle2D r = view.toPixels(new Envelope(2000, 2500, 1000, 1500));
    assertEquals(new Rectangle2D.Double(100, 0, 50, 50), r);
  }

  @Test
  void fittingKeepsTheAspect() {
    Viewport fit = Viewport.fitting(new Envelope(0, 4000, 0, 1000), 800, 800);
    assertEquals(800, fit.width());
    assertEquals(200, fit.height());
  }

  @Test
  void emptyAreasAndSizesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Viewport(new Envelope(0, 0, 0, 1), 10, 10));
    assertThrows(IllegalArgumentException.class, () -> new Viewport(new Envelope(0, 1, 0, 1), 0, 10));
  }
}
