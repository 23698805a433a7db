package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.codes;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CSP §13.2.4 LITDSN02 (narrative), in the abbreviations of INT 1 section P. */
class LightDescriptionProcedureTest {
  @Test
  void groupFlashingTwoColours() {
    assertEquals("Fl(2)WR.10s15m9M", LightDescriptionProcedure.describe(feature("LIGHTS", POINT,
        "LITCHR", 2L, "SIGGRP", "(2)", "COLOUR", codes(1, 3), "SIGPER", 10.0, "HEIGHT", 15.0, "VALNMR", 9.0)));
  }

  @Test
  void singleGroupsAreNotWritten() {
    assertEquals("Fl.G.5s", LightDescriptionProcedure.describe(feature("LIGHTS", POINT,
        "LITCHR", 2L, "SIGGRP", "(1)", "COLOUR", codes(4), "SIGPER", 5.0)));
    assertEquals("Dir Oc.W.4s", LightDescriptionProcedure.describe(feature("LIGHTS", POINT,
        "CATLIT", codes(1), "LITCHR", 8L, "SIGGRP", "()", "COLOUR", codes(1), "SIGPER", 4.0)));
  }

  @Test
  void compoundCharacterTakesAGroupPerPart() {
    assertEquals("Fl(2)+LFl.G.12s", LightDescriptionProcedure.describe(feature("LIGHTS", POINT,
        "LITCHR", 14L, "SIGGRP", "(2)(1)", "COLOUR", codes(4), "SIGPER", 12.0)));
  }

  @Test
  void statusAndPartialDescriptions() {
    assertEquals("F.R(occas)", LightDescriptionProcedure.describe(feature("LIGHTS", POINT,
        "LITCHR", 1L, "COLOUR", codes(3), "STATUS", codes(2))));
    assertEquals("Mo(U)W.7.5s", LightDescriptionProcedure.describe(feature("LIGHTS", POINT,
        "LITCHR", 12L, "SIGGRP", "(U)", "COLOUR", codes(1), "SIGPER", 7.5)));
    assertEquals("12m", LightDescriptionProcedure.describe(feature("LIGHTS", POINT, "HEIGHT", 12.0)));
    assertEquals("", LightDescriptionProcedure.describe(feature("LIGHTS", POINT)));
  }
}
