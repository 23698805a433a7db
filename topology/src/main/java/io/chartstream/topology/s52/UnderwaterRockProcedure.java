package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;

/**
 * Underwater and awash rocks (UWTROC) by S-52 CSP <b>OBSTRN07</b> (PresLib 4.0, CSP §13.2.6),
 * which handles rocks and obstructions alike "to ensure a consistent symbolization of isolated
 * dangers on the seabed"; PresLib 4.0's lookup tables call {@code CS(OBSTRN07)} for UWTROC, and
 * {@code UWTROC03}/{@code UWTROC04} are the rock symbols the CSP selects, not procedures. This
 * class applies the rock branch of {@link ObstructionProcedure} whatever the feature's class, so a
 * table or caller that names a UWTROC procedure gets rock symbology: without VALSOU
 * {@code SY(UWTROC03)} for a rock always under water and {@code SY(UWTROC04)} otherwise; with
 * VALSOU at or shallower than the safety depth {@code SY(DANGER01)} and the sounding, or
 * {@code SY(UWTROC04)} when it covers and uncovers or is awash; deeper, {@code SY(DANGER02)} and
 * the sounding; and {@code SY(ISODGR01)} for an isolated danger.
 *
 * <p>Limits: those of {@link ObstructionProcedure} (no depth areas under the rock; safe water
 * assumed).
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class UnderwaterRockProcedure implements ConditionalProcedure {
  @Override
  public String name() {
    return "UWTROC";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    return ObstructionProcedure.instructions(feature, settings, true);
  }
}
