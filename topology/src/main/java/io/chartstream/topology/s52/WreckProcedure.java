package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S-52 CSP <b>WRECKS05</b> (PresLib 4.0, CSP §13.2.21) for wrecks (WRECKS: point, area).
 *
 * <p>The wreck's depth is VALSOU, drawn as a sounding by SNDFRM04 ({@link SoundingSymbolProcedure}).
 * Without it, DEPVAL02 ({@link DepthValueProcedure}) is asked for a least depth, and failing that:
 * a non-dangerous wreck ({@code CATWRK=1}) is taken at 20.1 m (or, when the seabed depth is known,
 * 66 m above the seabed if that is shallower: the M-4 safe clearance rule), a wreck always under
 * water or awash ({@code WATLEV} 3 or 5) at 0 m, any other at −15 m. UDWHAZ05
 * ({@link UnderwaterHazardProcedure}) decides whether it is an isolated danger
 * ({@code SY(ISODGR01)}); QUAPNT02 adds {@code SY(LOWACC01)}.
 * <ul>
 *   <li>Points: the isolated danger symbol; else with VALSOU {@code SY(DANGER01)} (at or
 *       shallower than the safety depth) or {@code SY(DANGER02)} with the sounding; else the
 *       CSP's lookup: {@code CATWRK=1, WATLEV=3} → {@code WRECKS04}, {@code CATWRK=2, WATLEV=3}
 *       → {@code WRECKS05}, {@code CATWRK} 4 or 5 or {@code WATLEV} 1–4 → {@code WRECKS01},
 *       otherwise {@code WRECKS05} (continuation A).</li>
 *   <li>Areas: the boundary {@code LC(LOWACC41)} when the position is unreliable, dotted black for
 *       an isolated danger or a VALSOU at or shallower than the safety depth, dashed black for a
 *       deeper VALSOU, else by WATLEV; without VALSOU a fill by WATLEV ({@code CHBRN} dry,
 *       {@code DEPIT} covers and uncovers, {@code DEPVS} otherwise); the isolated danger symbol
 *       and the sounding at the centre (continuation B).</li>
 * </ul>
 *
 * <p>Limits of a per-feature stage: no depth areas under the wreck, so DEPVAL02 yields nothing
 * (the defaults above decide) and UDWHAZ05 assumes safe water, drawing the isolated danger symbol
 * on every wreck at or shallower than the safety contour; UDWHAZ05's presentation changes
 * (viewing group 34051 with VALSOU, display base with ISODGR01) are not expressible as
 * instructions; QUAPOS is read from the feature. See the sub-procedures.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ObstructionProcedure
 * @see ConditionalProcedures
 */
public final class WreckProcedure implements ConditionalProcedure {
  /** The assumed depth of a non-dangerous wreck (CATWRK=1) of unknown depth. */
  static final double NON_DANGEROUS_DEPTH = 20.1;
  /** M-4 B-422.7: safe clearance over a wreck in deep water, metres above the seabed. */
  static final double SAFE_CLEARANCE = 66.0;

  @Override
  public String name() {
    return "WRECKS";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    Optional<Double> valsou = ProcedureAttributes.real(feature, "VALSOU");
    Optional<Integer> watlev = ProcedureAttributes.integer(feature, "WATLEV");
    double depthValue = valsou.orElseGet(() -> defaultDepth(feature, watlev));
    boolean isolated = UnderwaterHazardProcedure.isolatedDanger(
        depthValue, watlev, UnderwaterHazardProcedure.ASSUMED_SAFE_WATER, settings);
    List<String> soundings = valsou.isPresent()
        ? SoundingSymbolProcedure.instructions(depthValue, feature, settings) : List.of();
    List<String> instructions = new ArrayList<>();
    if (feature.getPrimitive() == 3) {
      area(feature, settings, valsou, watlev.orElse(0), isolated, soundings, instructions);
    } else if (isolated) {
      instructions.add(UnderwaterHazardProcedure.ISOLATED_DANGER);
    } else if (valsou.isPresent()) {
      instructions.add(valsou.get() <= settings.safetyDepth() ? "SY(DANGER01)" : "SY(DANGER02)");
      instructions.addAll(soundings);
    } else {
      instructions.add("SY(" + lookupSymbol(feature, watlev.orElse(0)) + ")");
    }
    QualityOfPositionProcedure.lowAccuracySymbol(feature).ifPresent(instructions::add);
    return instructions;
  }

  private static double defaultDepth(S57Feature feature, Optional<Integer> watlev) {
    var values = DepthValueProcedure.depthValues(
        watlev, ProcedureAttributes.integer(feature, "EXPSOU"), DepthValueProcedure.UNKNOWN_SURROUNDINGS);
    if (values.leastDepth().isPresent()) {
      return values.leastDepth().getAsDouble();
    }
    if (ProcedureAttributes.integer(feature, "CATWRK").orElse(0) == 1) {
      double depth = NON_DANGEROUS_DEPTH;
      if (values.seabedDepth().isPresent()) {
        depth = Math.min(depth, values.seabedDepth().getAsDouble() - SAFE_CLEARANCE);
      }
      return depth;
    }
    int level = watlev.orElse(0);
    return level == 3 || level == 5 ? 0.0 : -15.0;
  }

  /** Continuation A's lookup entries, most specific first, as lookup matching takes them. */
  private static String lookupSymbol(S57Feature feature, int watlev) {
    int catwrk = ProcedureAttributes.integer(feature, "CATWRK").orElse(0);
    if (watlev == 3 && catwrk == 1) {
      return "WRECKS04";
    }
    if (watlev == 3 && catwrk == 2) {
      return "WRECKS05";
    }
    // The CSP's table gives WRECKS01 (the hull symbol) for WATLEV 1 to 4 alike, 3 included.
    if (catwrk == 4 || catwrk == 5 || (watlev >= 1 && watlev <= 4)) {
      return "WRECKS01";
    }
    return "WRECKS05";
  }

  /** Continuation B: fill, boundary, then the symbols at the centre. */
  private static void area(S57Feature feature, MarinerSettings settings, Optional<Double> valsou, int watlev,
                           boolean isolated, List<String> soundings, List<String> instructions) {
    if (valsou.isEmpty()) {
      instructions.add(switch (watlev) {
        case 1, 2 -> "AC(CHBRN)";
        case 4 -> "AC(DEPIT)";
        default -> "AC(DEPVS)";
      });
    }
    if (QualityOfPositionProcedure.unreliable(feature)) {
      instructions.add("LC(LOWACC41)");
    } else if (isolated) {
      instructions.add("LS(DOTT,2,CHBLK)");
    } else if (valsou.isPresent()) {
      instructions.add(valsou.get() <= settings.safetyDepth() ? "LS(DOTT,2,CHBLK)" : "LS(DASH,2,CHBLK)");
    } else {
      instructions.add(switch (watlev) {
        case 1, 2 -> "LS(SOLD,2,CSTLN)";
        case 4 -> "LS(DASH,2,CSTLN)";
        default -> "LS(DOTT,2,CSTLN)";
      });
    }
    if (isolated) {
      instructions.add(UnderwaterHazardProcedure.ISOLATED_DANGER);
    }
    instructions.addAll(soundings);
  }
}
