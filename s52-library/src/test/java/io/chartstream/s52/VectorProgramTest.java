package io.chartstream.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorProgramTest {
  @Test
  void parsesTheCommandsOfALateralBuoy() {
    // BOYLAT13 of PresLib 4.0: a filled triangle, its outline, a dot of a circle.
    List<VectorOp> ops = VectorProgram.parse("SPA;SW1;ST0;PU1157,1102;PM0;PD1157,663;PD724,1102;PD1157,1102;PM2;FP;"
        + "SPB;SW1;PU1157,1102;PD1157,663,724,1102;SPB;PU1033,960;PM0;CI15;PM2;FP;PD;");
    assertEquals(new VectorOp.Pen('A'), ops.get(0));
    assertEquals(new VectorOp.Width(1), ops.get(1));
    assertEquals(new VectorOp.Transparency(0), ops.get(2));
    assertEquals(new VectorOp.PenUp(List.of(new VectorOp.Point(1157, 1102))), ops.get(3));
    assertEquals(new VectorOp.PolygonMode(0), ops.get(4));
    assertEquals(new VectorOp.FillPolygon(), ops.get(9));
    assertEquals(new VectorOp.PenDown(List.of(new VectorOp.Point(1157, 663), new VectorOp.Point(724, 1102))), ops.get(13));
    assertEquals(new VectorOp.Circle(15), ops.get(17));
    assertEquals(new VectorOp.PenDown(List.of()), ops.getLast(), "PD alone is a dot");
  }

  @Test
  void symbolCallsAndArcs() {
    assertEquals(List.of(new VectorOp.SymbolCall("EMAREMG1", 2)), VectorProgram.parse("SCEMAREMG1,2;"));
    assertEquals(List.of(new VectorOp.Arc(new VectorOp.Point(10, 20), -90)), VectorProgram.parse("AA10,20,-90;"));
    // An odd trailing number completes no point (PresLib 4.0 has PU169,169,180).
    assertEquals(List.of(new VectorOp.PenUp(List.of(new VectorOp.Point(169, 169)))), VectorProgram.parse("PU169,169,180"));
  }

  @Test
  void malformedCommandsAreNamed() {
    for (String bad : List.of("XX1;", "SP;", "SPAB;", "SW-1;", "ST7;", "PU;", "PU1;", "PDa,b;", "CI;", "PM3;", "FP1;", "SC,2;", "AA1,2;")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorProgram.parse(bad), bad);
      assertTrue(e.getMessage().contains(bad.replace(";", "")), e.getMessage());
    }
  }
}
