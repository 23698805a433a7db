package io.chartstream.topology.s52;

import java.util.List;
import java.util.Optional;

/**
 * S-52 CSP <b>UDWHAZ05</b> (PresLib 4.0, CSP §13.2.20), called by OBSTRN07 and WRECKS05: whether
 * an underwater danger is an isolated danger, to be drawn with {@code SY(ISODGR01)}.
 *
 * <p>A danger is isolated when its depth is at or shallower than the safety contour and it lies
 * in safe water: a DEPARE or DRGARE under it has {@code DRVAL1 >=} the safety contour (an area
 * without DRVAL1 counts as shallower). A danger that is partly or always dry ({@code WATLEV} 1
 * or 2) is not, even there. With the mariner's option "isolated dangers in shallow water" the
 * same holds for dangers in water between 0 m and the safety contour.
 *
 * <p>Limits of a per-feature stage:
 * <ul>
 *   <li>It does not see the areas under the danger. Its callers pass
 *       {@link #ASSUMED_SAFE_WATER}: the danger is taken to lie in safe water, the fail-safe
 *       choice. Every danger at or shallower than the safety contour then gets the isolated
 *       danger symbol, also inside the safety contour, where S-52 shows it only with the
 *       "shallow water" option: more warnings than an ECDIS, never fewer.</li>
 *   <li>"Isolated dangers in shallow water" is not in {@link MarinerSettings}; it is off.</li>
 *   <li>The presentation UDWHAZ05 sets with the symbol (display base, priority 8, OVERRADAR,
 *       viewing group 14010, SCAMIN infinite; 14050 for a dry danger in safe water) cannot be
 *       expressed as instructions and is left to the lookup entry.</li>
 * </ul>
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ObstructionProcedure
 * @see WreckProcedure
 */
final class UnderwaterHazardProcedure {
  /** The isolated danger symbol. */
  static final String ISOLATED_DANGER = "SY(ISODGR01)";

  /** A per-feature stage's assumption: one area under the danger, deeper than any safety contour. */
  static final List<Optional<Double>> ASSUMED_SAFE_WATER = List.of(Optional.of(Double.POSITIVE_INFINITY));

  private UnderwaterHazardProcedure() {}

  /**
   * UDWHAZ05(DEPTH_VALUE).
   *
   * @param depthValue      the danger's depth (VALSOU or its callers' default), metres
   * @param watlev          the danger's WATLEV
   * @param underlyingDrval1 the DRVAL1 of each DEPARE/DRGARE under the danger (empty: not given)
   * @return whether to draw {@link #ISOLATED_DANGER}
   */
  static boolean isolatedDanger(double depthValue, Optional<Integer> watlev, List<Optional<Double>> underlyingDrval1,
                                MarinerSettings settings) {
    if (depthValue > settings.safetyContour()) {
      return false;
    }
    // An area without DRVAL1 counts as shallower than the safety contour.
    boolean inSafeWater = underlyingDrval1.stream()
        .anyMatch(drval1 -> drval1.isPresent() && drval1.get() >= settings.safetyContour());
    if (!inSafeWater) {
      // Continuation A ("isolated dangers in shallow water") is a mariner option this stage does not offer.
      return false;
    }
    int level = watlev.orElse(0);
    return level != 1 && level != 2;
  }
}
