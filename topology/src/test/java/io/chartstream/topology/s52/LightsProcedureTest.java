package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.codes;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSP §13.2.4 LIGHTS06 (with its continuation and LITDSN02). */
class LightsProcedureTest {
  private final LightsProcedure procedure = new LightsProcedure();
  private final MarinerSettings settings = MarinerSettings.defaults();

  private List<String> lights(Object... attributes) {
    return procedure.instructions(feature("LIGHTS", POINT, attributes), settings);
  }

  @ParameterizedTest(name = "COLOUR {0} → {1}")
  @CsvSource(delimiter = ';', value = {
      "3; LIGHTS11",     // red
      "1 3; LIGHTS11",   // white and red
      "4; LIGHTS12",     // green
      "1 4; LIGHTS12",
      "1; LIGHTS13",     // white
      "6; LIGHTS13",     // yellow
      "11; LIGHTS13",    // orange
      "5 6; LIGHTS13",   // blue and yellow
      "3 4; LITDEF11",   // any other combination
      "5; LITDEF11",
  })
  void flareByColour(String colour, String symbol) {
    int[] colours = Arrays.stream(colour.split(" ")).mapToInt(Integer::parseInt).toArray();
    List<String> instructions = lights("COLOUR", codes(colours), "VALNMR", 5.0);
    assertEquals("SY(" + symbol + ",135)", instructions.getFirst());
  }

  @Test
  void lightWithoutColourIsMagenta() {
    assertEquals(List.of("SY(LITDEF11,135)"), lights());
  }

  @Test
  void allRoundLightGetsItsFlareAndDescription() {
    assertEquals(List.of("SY(LIGHTS11,135)", "TX('Fl(2)R.10s15m9M',3,2,3,'15110',2,0,CHBLK,23)"), lights(
        "COLOUR", codes(3), "LITCHR", 2L, "SIGGRP", "(2)", "SIGPER", 10.0, "HEIGHT", 15.0, "VALNMR", 9.0));
  }

  @Test
  void sectorLightGetsLegsAndArcsAndNoDescription() {
    assertEquals(List.of("LG(DASH,1,CHBLK,225,25,MM)", "LG(DASH,1,CHBLK,315,25,MM)",
            "AR(SOLD,4,OUTLW,225,315,20)", "AR(SOLD,2,LITGN,225,315,20)"),
        lights("COLOUR", codes(4), "SECTR1", 45.0, "SECTR2", 135.0, "LITCHR", 2L, "VALNMR", 12.0));
    assertEquals(List.of("LG(DASH,1,CHBLK,225,25,MM)", "LG(DASH,1,CHBLK,315,25,MM)", "AR(DASH,1,CHBLK,225,315,20)"),
        lights("COLOUR", codes(4), "SECTR1", 45.0, "SECTR2", 135.0, "LITVIS", codes(7)), "obscured");
  }

  @Test
  void sectorOfNoneOrAllRoundIsNoSector() {
    assertEquals("SY(LIGHTS13,135)", lights("COLOUR", codes(1), "SECTR1", 0.0, "SECTR2", 360.0).getFirst());
    assertEquals("SY(LIGHTS13,135)", lights("COLOUR", codes(1), "SECTR1", 90.0, "SECTR2", 90.0).getFirst());
    assertEquals("SY(LIGHTS13,135)", lights("COLOUR", codes(1), "SECTR1", 90.0).getFirst());
  }

  @Test
  void majorLightGetsAnAllRoundArc() {
    assertEquals(List.of("AR(SOLD,4,OUTLW,0,360,26)", "AR(SOLD,2,LITYW,0,360,26)", "TX('W.20M',3,2,3,'15110',2,0,CHBLK,23)"),
        lights("COLOUR", codes(1), "VALNMR", 20.0));
    // Aero lights and Morse lights are no major lights however far they reach.
    assertEquals("SY(LIGHTS13,135)", lights("COLOUR", codes(1), "VALNMR", 20.0, "CATLIT", codes(5)).getFirst());
    assertEquals("SY(LIGHTS13,135)", lights("COLOUR", codes(1), "VALNMR", 20.0, "LITCHR", 12L).getFirst());
  }

  @Test
  void floodStripAndSpotLights() {
    assertEquals(List.of("SY(LIGHTS82)"), lights("CATLIT", codes(8), "COLOUR", codes(1)));
    assertEquals(List.of("SY(LIGHTS82)"), lights("CATLIT", codes(11)));
    assertEquals(List.of("SY(LIGHTS81)"), lights("CATLIT", codes(9)));
  }

  @Test
  void directionalLightPointsAlongItsOrientation() {
    assertEquals(List.of("LG(DASH,1,CHBLK,270,5,NM)", "SY(LIGHTS13,270)",
            "TE('%03.0lf deg','ORIENT',3,3,3,'15110',3,1,CHBLK,23)", "TX('Dir W.5M',3,2,3,'15110',2,0,CHBLK,23)"),
        lights("CATLIT", codes(1), "ORIENT", 90.0, "COLOUR", codes(1), "VALNMR", 5.0));
    List<String> withoutOrient = lights("CATLIT", codes(1), "COLOUR", codes(1), "VALNMR", 5.0);
    assertEquals("SY(QUESMRK1)", withoutOrient.getFirst());
  }

  @Test
  void directionalLegDefaultsToNineMiles() {
    assertTrue(lights("CATLIT", codes(16), "ORIENT", 10.0).contains("LG(DASH,1,CHBLK,190,9,NM)"));
  }
}
