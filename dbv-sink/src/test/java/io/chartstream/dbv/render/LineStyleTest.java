package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineStyleTest {
  static LineStyle of(String text) {
    return LineStyle.of(InstructionParser.parse(text).orElseThrow()).orElseThrow();
  }

  @Test
  void patternWidthAndColour() {
    assertEquals(new LineStyle(LineStyle.Pattern.DASH, 2, "CHGRD"), of("LS(DASH,2,CHGRD)"));
    assertEquals(new LineStyle(LineStyle.Pattern.SOLD, 4, "OUTLW"), of("AR(SOLD,4,OUTLW,225,315,20)"));
  }

  @Test
  void strokes() {
    assertNull(((BasicStroke) of("LS(SOLD,1,CSTLN)").stroke()).getDashArray());
    float[] dash = ((BasicStroke) of("LS(DASH,1,CHBLK)").stroke()).getDashArray();
    assertEquals(11.25f, dash[0], 1e-3);
    assertTrue(((BasicStroke) of("LS(DOTT,1,CHBLK)").stroke()).getDashArray()[0] < dash[0]);
  }

  @Test
  void unknownPatternsAndZeroWidths() {
    assertEquals(Optional.empty(), LineStyle.of(InstructionParser.parse("LS(WAVY,1,CHBLK)").orElseThrow()));
    assertEquals(Optional.empty(), LineStyle.of(InstructionParser.parse("LS()").orElseThrow()));
    assertEquals(1f, of("LS(SOLD,0,CHBLK)").widthPx());
  }
}
