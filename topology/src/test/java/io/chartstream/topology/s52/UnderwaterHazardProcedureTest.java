package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.safety;
import static io.chartstream.topology.s52.UnderwaterHazardProcedure.ASSUMED_SAFE_WATER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CSP §13.2.20 UDWHAZ05, safety contour 10 m. */
class UnderwaterHazardProcedureTest {
  private final MarinerSettings settings = safety(10, 10);

  @Test
  void dangerAtOrAboveTheSafetyContourInSafeWaterIsIsolated() {
    assertTrue(UnderwaterHazardProcedure.isolatedDanger(4.5, Optional.empty(), ASSUMED_SAFE_WATER, settings));
    assertTrue(UnderwaterHazardProcedure.isolatedDanger(10.0, Optional.of(3), ASSUMED_SAFE_WATER, settings));
    assertTrue(UnderwaterHazardProcedure.isolatedDanger(4.5, Optional.of(3), List.of(Optional.of(12.0)), settings));
  }

  @Test
  void dangerDeeperThanTheSafetyContourIsNot() {
    assertFalse(UnderwaterHazardProcedure.isolatedDanger(10.5, Optional.of(3), ASSUMED_SAFE_WATER, settings));
  }

  @Test
  void dryDangerIsNotAnIsolatedUnderwaterDanger() {
    assertFalse(UnderwaterHazardProcedure.isolatedDanger(-15, Optional.of(1), ASSUMED_SAFE_WATER, settings));
    assertFalse(UnderwaterHazardProcedure.isolatedDanger(-15, Optional.of(2), ASSUMED_SAFE_WATER, settings));
  }

  @Test
  void dangerInShallowWaterIsNotWithoutTheMarinersOption() {
    assertFalse(UnderwaterHazardProcedure.isolatedDanger(4.5, Optional.of(3), List.of(Optional.of(5.0)), settings));
    // An area without DRVAL1 counts as shallower than the safety contour.
    assertFalse(UnderwaterHazardProcedure.isolatedDanger(4.5, Optional.of(3), List.of(Optional.empty()), settings));
    assertTrue(UnderwaterHazardProcedure.isolatedDanger(4.5, Optional.of(3),
        List.of(Optional.empty(), Optional.of(5.0), Optional.of(10.0)), settings), "any deep area under it");
  }
}
