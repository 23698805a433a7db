package io.chartstream.topology.s52;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * S-52 CSP <b>DEPVAL02</b> (PresLib 4.0, CSP §13.2.3), called by OBSTRN07 and WRECKS05 when a
 * danger has no VALSOU: a default least depth from the depth areas under it.
 *
 * <p>The CSP loops over the group 1 areas the danger covers: an unsurveyed area (UNSARE) makes the
 * least depth unknown at once; otherwise it is the shallowest given DRVAL1 (the fail-safe reading
 * of the CSP's comparison). That depth is the SEABED_DEPTH; it stays the LEAST_DEPTH only for an
 * object always under water ({@code WATLEV=3}) whose sounding lies within or below the
 * surrounding range ({@code EXPSOU} 1 or 3). In every other case, and when nothing is known,
 * LEAST_DEPTH is unknown and the caller falls back on its own WATLEV/CATOBS/CATWRK defaults.
 *
 * <p>Limit of a per-feature stage: it does not know the areas under a danger, so its callers pass
 * {@link #UNKNOWN_SURROUNDINGS} and both depths come back unknown: the danger is drawn from
 * VALSOU when given, else from the fail-safe defaults of OBSTRN07 and WRECKS05. A stage that
 * overlays dangers on depth areas can pass the {@link Surrounding}s and get the CSP's full answer.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ObstructionProcedure
 * @see WreckProcedure
 */
final class DepthValueProcedure {
  /** What a per-feature stage knows of the areas under a danger: nothing. */
  static final List<Surrounding> UNKNOWN_SURROUNDINGS = List.of();

  private DepthValueProcedure() {}

  /** One group 1 area under the danger: its class (UNSARE matters) and its DRVAL1 when given. */
  record Surrounding(String objectClass, Optional<Double> drval1) {}

  /** DEPVAL02's result; empty means 'unknown'. */
  record DepthValues(OptionalDouble leastDepth, OptionalDouble seabedDepth) {
    static final DepthValues UNKNOWN = new DepthValues(OptionalDouble.empty(), OptionalDouble.empty());
  }

  /** DEPVAL02(WATLEV, EXPSOU) over the given surroundings. */
  static DepthValues depthValues(Optional<Integer> watlev, Optional<Integer> expsou, List<Surrounding> surroundings) {
    OptionalDouble least = OptionalDouble.empty();
    for (Surrounding area : surroundings) {
      if ("UNSARE".equals(area.objectClass())) {
        return DepthValues.UNKNOWN;
      }
      if (area.drval1().isPresent() && (least.isEmpty() || area.drval1().get() < least.getAsDouble())) {
        least = OptionalDouble.of(area.drval1().get());
      }
    }
    if (least.isEmpty()) {
      return DepthValues.UNKNOWN;
    }
    boolean alwaysUnderwaterWithinRange = watlev.orElse(0) == 3 && (expsou.orElse(0) == 1 || expsou.orElse(0) == 3);
    return alwaysUnderwaterWithinRange ? new DepthValues(least, least) : new DepthValues(OptionalDouble.empty(), least);
  }
}
