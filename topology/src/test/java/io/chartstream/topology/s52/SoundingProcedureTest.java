package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.POINT;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static io.chartstream.topology.s52.ProcedureAttributesTest.multiPointZ;
import static io.chartstream.topology.s52.ProcedureAttributesTest.pointZ;
import static io.chartstream.topology.s52.ProcedureAttributesTest.safety;
import static io.chartstream.topology.s52.ProcedureAttributesTest.withGeometry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSP §12.2.17 SOUNDG03 with SNDFRM04 (§13.2.16); the depth is the point's Z. */
class SoundingProcedureTest {
  private final SoundingProcedure procedure = new SoundingProcedure();

  @Test
  void shallowSoundingGetsBoldDigits() {
    var sounding = withGeometry(feature("SOUNDG", POINT), pointZ(-70.1, 42.3, 4.5));
    assertEquals(List.of("SY(SOUNDS14)", "SY(SOUNDS55)"), procedure.instructions(sounding, safety(30, 10)));
  }

  @Test
  void deepSoundingGetsFaintDigitsWithTheTenths() {
    var sounding = withGeometry(feature("SOUNDG", POINT), pointZ(-70.1, 42.3, 12.3));
    assertEquals(List.of("SY(SOUNDG21)", "SY(SOUNDG12)", "SY(SOUNDG53)"), procedure.instructions(sounding, safety(30, 10)));
  }

  @Test
  void dryingHeight() {
    var sounding = withGeometry(feature("SOUNDG", POINT), pointZ(-70.1, 42.3, -0.8));
    assertEquals(List.of("SY(SOUNDSA1)", "SY(SOUNDS10)", "SY(SOUNDS58)"), procedure.instructions(sounding, safety(30, 10)));
  }

  @Test
  void depthAttributeWhenThereIsNoZ() {
    assertEquals(List.of("SY(SOUNDS17)", "SY(SOUNDS52)"),
        procedure.instructions(feature("SOUNDG", POINT, "DEPTH", 7.2), safety(30, 10)));
    assertEquals(List.of(), procedure.instructions(feature("SOUNDG", POINT), safety(30, 10)), "no depth, nothing drawn");
  }

  @Test
  void unsplitMultipointDrawsItsShallowestDepth() {
    var array = withGeometry(feature("SOUNDG", POINT), multiPointZ(new double[] {0, 0, 15}, new double[] {1, 1, 8.5}));
    assertEquals(List.of("SY(SOUNDS18)", "SY(SOUNDS55)"), procedure.instructions(array, safety(30, 10)));
  }

  @Test
  void qualityPrefixesComeFromTheFeature() {
    var sounding = withGeometry(feature("SOUNDG", POINT, "QUASOU", ProcedureAttributesTest.codes(3)), pointZ(0, 0, 4.5));
    assertEquals(List.of("SY(SOUNDSC2)", "SY(SOUNDS14)", "SY(SOUNDS55)"), procedure.instructions(sounding, safety(30, 10)));
  }
}
