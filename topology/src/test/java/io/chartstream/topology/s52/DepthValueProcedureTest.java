package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartstream.topology.s52.DepthValueProcedure.DepthValues;
import io.chartstream.topology.s52.DepthValueProcedure.Surrounding;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** CSP §13.2.3 DEPVAL02. */
class DepthValueProcedureTest {
  private static final List<Surrounding> AREAS = List.of(
      new Surrounding("DEPARE", Optional.of(10.0)), new Surrounding("DEPARE", Optional.of(5.0)),
      new Surrounding("DRGARE", Optional.empty()));

  @Test
  void perFeatureStageKnowsNothing() {
    assertEquals(DepthValues.UNKNOWN,
        DepthValueProcedure.depthValues(Optional.of(3), Optional.of(1), DepthValueProcedure.UNKNOWN_SURROUNDINGS));
  }

  @Test
  void alwaysUnderwaterWithinTheRangeTakesTheShallowestDrval1() {
    var expected = new DepthValues(OptionalDouble.of(5.0), OptionalDouble.of(5.0));
    assertEquals(expected, DepthValueProcedure.depthValues(Optional.of(3), Optional.of(1), AREAS));
    assertEquals(expected, DepthValueProcedure.depthValues(Optional.of(3), Optional.of(3), AREAS));
  }

  @Test
  void shoalerOrUnknownExpositionKeepsOnlyTheSeabedDepth() {
    var seabedOnly = new DepthValues(OptionalDouble.empty(), OptionalDouble.of(5.0));
    assertEquals(seabedOnly, DepthValueProcedure.depthValues(Optional.of(3), Optional.of(2), AREAS));
    assertEquals(seabedOnly, DepthValueProcedure.depthValues(Optional.of(3), Optional.empty(), AREAS));
    assertEquals(seabedOnly, DepthValueProcedure.depthValues(Optional.of(4), Optional.of(1), AREAS));
  }

  @Test
  void unsurveyedAreaMakesEverythingUnknown() {
    var withUnsurveyed = List.of(new Surrounding("DEPARE", Optional.of(10.0)), new Surrounding("UNSARE", Optional.empty()));
    assertEquals(DepthValues.UNKNOWN, DepthValueProcedure.depthValues(Optional.of(3), Optional.of(1), withUnsurveyed));
    assertEquals(DepthValues.UNKNOWN, DepthValueProcedure.depthValues(Optional.of(3), Optional.of(1),
        List.of(new Surrounding("DEPARE", Optional.empty()))), "no DRVAL1 anywhere");
  }
}
