package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S-52 CSP <b>OBSTRN07</b> (PresLib 4.0, CSP §13.2.6) for obstructions (OBSTRN: point, line,
 * area) and underwater rocks (UWTROC: point, see {@link UnderwaterRockProcedure}).
 *
 * <p>The danger's depth is VALSOU; without it, DEPVAL02 ({@link DepthValueProcedure}) is asked
 * for a default, and failing that the fail-safe defaults apply: 0.01 m for a foul area
 * ({@code CATOBS=6}) or an object always under water ({@code WATLEV=3}), 0 m when awash
 * ({@code WATLEV=5}), and −15 m (above water) otherwise. UDWHAZ05
 * ({@link UnderwaterHazardProcedure}) decides from that depth whether it is an isolated danger,
 * drawn {@code SY(ISODGR01)}; QUAPNT02 ({@link QualityOfPositionProcedure}) adds
 * {@code SY(LOWACC01)} for a low-accuracy position.
 * <ul>
 *   <li>Points (continuation A): the isolated danger symbol alone, or a symbol chosen by VALSOU
 *       against the safety depth, WATLEV and CATOBS ({@code DANGER01/02/03}, {@code OBSTRN01/03/11},
 *       {@code UWTROC03/04}), with the SNDFRM04 sounding ({@link SoundingSymbolProcedure}) inside
 *       the danger symbols.</li>
 *   <li>Lines (continuation B): dotted or dashed black ({@code LC(LOWACC31/41)} when the position
 *       is of low accuracy), then the isolated danger symbol or the sounding at the midpoint.</li>
 *   <li>Areas (continuation C): an isolated danger is filled {@code DEPVS} with
 *       {@code AP(FOULAR01)}; otherwise the boundary from VALSOU, or fill and boundary from
 *       CATOBS and WATLEV.</li>
 * </ul>
 * Point symbols of lines and areas (isolated danger, soundings, low accuracy) are placed by the
 * renderer at the line's midpoint or the area's centre, as the CSP says.
 *
 * <p>Limits of a per-feature stage: the depth areas under the danger are unknown, so DEPVAL02
 * gives no default least depth (VALSOU or the fail-safe defaults decide) and UDWHAZ05 assumes
 * safe water, drawing the isolated danger symbol on every danger at or shallower than the safety
 * contour; UDWHAZ05's presentation changes and the low-accuracy viewing group are not
 * expressible as instructions; QUAPOS is read from the feature. See the sub-procedures.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see WreckProcedure
 * @see ConditionalProcedures
 */
public final class ObstructionProcedure implements ConditionalProcedure {
  @Override
  public String name() {
    return "OBSTRN";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    return instructions(feature, settings, "UWTROC".equals(feature.getObjectClass()));
  }

  /** OBSTRN07 with the object treated as an underwater rock ({@code rock}) or an obstruction. */
  static List<String> instructions(S57Feature feature, MarinerSettings settings, boolean rock) {
    Danger danger = Danger.of(feature, settings);
    return switch (feature.getPrimitive()) {
      case 1 -> point(feature, settings, danger, rock);
      case 2 -> line(feature, settings, danger);
      case 3 -> area(feature, settings, danger);
      default -> List.of();
    };
  }

  /** The facts every continuation tests. */
  private record Danger(Optional<Double> valsou, double depthValue, Optional<Integer> watlev, boolean catobsFoul,
                        boolean isolated) {
    static Danger of(S57Feature feature, MarinerSettings settings) {
      Optional<Double> valsou = ProcedureAttributes.real(feature, "VALSOU");
      Optional<Integer> watlev = ProcedureAttributes.integer(feature, "WATLEV");
      boolean foul = ProcedureAttributes.integer(feature, "CATOBS").orElse(0) == 6;
      double depthValue = valsou.orElseGet(() -> defaultDepth(feature, watlev, foul));
      boolean isolated = UnderwaterHazardProcedure.isolatedDanger(
          depthValue, watlev, UnderwaterHazardProcedure.ASSUMED_SAFE_WATER, settings);
      return new Danger(valsou, depthValue, watlev, foul, isolated);
    }

    private static double defaultDepth(S57Feature feature, Optional<Integer> watlev, boolean foul) {
      var values = DepthValueProcedure.depthValues(
          watlev, ProcedureAttributes.integer(feature, "EXPSOU"), DepthValueProcedure.UNKNOWN_SURROUNDINGS);
      if (values.leastDepth().isPresent()) {
        return values.leastDepth().getAsDouble();
      }
      int level = watlev.orElse(0);
      if (foul || level == 3) {
        return 0.01;
      }
      // WATLEV 5 (awash) is at the surface; 1, 2, 4 and unknown are taken as above water.
      return level == 5 ? 0.0 : -15.0;
    }

    boolean watlevIn(int... levels) {
      int level = watlev.orElse(0);
      for (int l : levels) {
        if (l == level) {
          return true;
        }
      }
      return false;
    }
  }

  /** Continuation A. */
  private static List<String> point(S57Feature feature, MarinerSettings settings, Danger danger, boolean rock) {
    List<String> instructions = new ArrayList<>();
    if (danger.isolated()) {
      instructions.add(UnderwaterHazardProcedure.ISOLATED_DANGER);
    } else {
      boolean sounding;
      String symbol;
      if (danger.valsou().isPresent()) {
        if (danger.valsou().get() <= settings.safetyDepth()) {
          if (rock) {
            sounding = !danger.watlevIn(4, 5);
            symbol = sounding ? "DANGER01" : "UWTROC04";
          } else if (danger.catobsFoul()) {
            sounding = true;
            symbol = "DANGER01";
          } else if (danger.watlevIn(1, 2)) {
            sounding = false;
            symbol = "OBSTRN11";
          } else {
            sounding = true;
            symbol = danger.watlevIn(4, 5) ? "DANGER03" : "DANGER01";
          }
        } else {
          sounding = true;
          symbol = "DANGER02";
        }
      } else {
        sounding = false;
        if (rock) {
          symbol = danger.watlevIn(3) ? "UWTROC03" : "UWTROC04";
        } else if (danger.catobsFoul()) {
          symbol = "OBSTRN01";
        } else if (danger.watlevIn(1, 2)) {
          symbol = "OBSTRN11";
        } else {
          symbol = danger.watlevIn(4, 5) ? "OBSTRN03" : "OBSTRN01";
        }
      }
      instructions.add("SY(" + symbol + ")");
      if (sounding) {
        instructions.addAll(SoundingSymbolProcedure.instructions(danger.depthValue(), feature, settings));
      }
    }
    QualityOfPositionProcedure.lowAccuracySymbol(feature).ifPresent(instructions::add);
    return instructions;
  }

  /** Continuation B. */
  private static List<String> line(S57Feature feature, MarinerSettings settings, Danger danger) {
    List<String> instructions = new ArrayList<>();
    if (QualityOfPositionProcedure.lowAccuracy(feature)) {
      instructions.add(danger.isolated() ? "LC(LOWACC41)" : "LC(LOWACC31)");
    } else if (!danger.isolated() && danger.valsou().isPresent() && danger.valsou().get() > settings.safetyDepth()) {
      instructions.add("LS(DASH,2,CHBLK)");
    } else {
      instructions.add("LS(DOTT,2,CHBLK)");
    }
    if (danger.isolated()) {
      instructions.add(UnderwaterHazardProcedure.ISOLATED_DANGER);
    } else if (danger.valsou().isPresent()) {
      instructions.addAll(SoundingSymbolProcedure.instructions(danger.depthValue(), feature, settings));
    }
    return instructions;
  }

  /** Continuation C. */
  private static List<String> area(S57Feature feature, MarinerSettings settings, Danger danger) {
    List<String> instructions = new ArrayList<>();
    if (danger.isolated()) {
      instructions.addAll(List.of("AC(DEPVS)", "AP(FOULAR01)", "LS(DOTT,2,CHBLK)", UnderwaterHazardProcedure.ISOLATED_DANGER));
    } else if (danger.valsou().isPresent()) {
      instructions.add(danger.valsou().get() <= settings.safetyDepth() ? "LS(DOTT,2,CHBLK)" : "LS(DASH,2,CHGRD)");
      instructions.addAll(SoundingSymbolProcedure.instructions(danger.depthValue(), feature, settings));
    } else if (danger.catobsFoul()) {
      instructions.addAll(List.of("AP(FOULAR01)", "LS(DOTT,2,CHBLK)"));
    } else if (danger.watlevIn(1, 2)) {
      instructions.addAll(List.of("AC(CHBRN)", "LS(SOLD,2,CSTLN)"));
    } else if (danger.watlevIn(4)) {
      instructions.addAll(List.of("AC(DEPIT)", "LS(DASH,2,CSTLN)"));
    } else {
      instructions.addAll(List.of("AC(DEPVS)", "LS(DOTT,2,CHBLK)"));
    }
    QualityOfPositionProcedure.lowAccuracySymbol(feature).ifPresent(instructions::add);
    return instructions;
  }
}
