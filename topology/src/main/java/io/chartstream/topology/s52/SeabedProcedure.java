package io.chartstream.topology.s52;

import java.util.ArrayList;
import java.util.List;

/**
 * S-52 CSP <b>SEABED01</b> (PresLib 4.0, CSP §13.2.15), the colour fill of the areas that form the
 * seabed, called by DEPARE03 with the area's depth range.
 *
 * <p>Two shades: {@code DEPIT} (intertidal, the fail-safe start), {@code DEPVS} from the low
 * water line down, {@code DEPDW} from the safety contour down. Four shades add {@code DEPMS}
 * from the shallow contour and {@code DEPMD} from the safety contour, and {@code DEPDW} moves to
 * the deep contour. Each step needs both ends of the range at or beyond its contour
 * ({@code DRVAL1 >= c && DRVAL2 > c}), so an area straddling a contour takes the shallower shade.
 * When the mariner asks for the shallow pattern, water shallower than the safety contour also
 * gets {@code AP(DIAMOND1)} over its fill.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see DepthAreaProcedure
 */
final class SeabedProcedure {
  private SeabedProcedure() {}

  /** SEABED01(DRVAL1, DRVAL2): {@code AC(colour)}, then {@code AP(DIAMOND1)} where the pattern applies. */
  static List<String> instructions(double drval1, double drval2, MarinerSettings settings) {
    String colour = "DEPIT";
    boolean shallow = true;
    if (drval1 >= 0 && drval2 > 0) {
      colour = "DEPVS";
    }
    if (settings.twoShades()) {
      if (reaches(drval1, drval2, settings.safetyContour())) {
        colour = "DEPDW";
        shallow = false;
      }
    } else {
      if (reaches(drval1, drval2, settings.shallowContour())) {
        colour = "DEPMS";
      }
      if (reaches(drval1, drval2, settings.safetyContour())) {
        colour = "DEPMD";
        shallow = false;
      }
      if (reaches(drval1, drval2, settings.deepContour())) {
        colour = "DEPDW";
        shallow = false;
      }
    }
    List<String> instructions = new ArrayList<>(2);
    instructions.add("AC(" + colour + ")");
    if (settings.shallowPattern() && shallow) {
      instructions.add("AP(DIAMOND1)");
    }
    return instructions;
  }

  /** The whole range lies at or beyond the contour. */
  private static boolean reaches(double drval1, double drval2, double contour) {
    return drval1 >= contour && drval2 > contour;
  }
}
