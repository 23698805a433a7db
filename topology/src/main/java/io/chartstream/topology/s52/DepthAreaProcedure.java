package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.ArrayList;
import java.util.List;

/**
 * S-52 CSP <b>DEPARE03</b> (PresLib 4.0, CSP §13.2.1) for depth areas (DEPARE) and dredged areas
 * (DRGARE): the seabed shade from SEABED01 ({@link SeabedProcedure}), for a dredged area its
 * pattern {@code AP(DRGARE01)}, dashed boundary {@code LS(DASH,1,CHGRF)} and restriction symbol
 * (RESCSP02, {@link RestrictionSymbolProcedure}), and the safety contour.
 *
 * <p>A missing {@code DRVAL1} counts as −1 m, so the area is drawn intertidal (the CSP's fail-safe
 * default); a missing {@code DRVAL2} counts as {@code DRVAL1 + 0.01} m.
 *
 * <p>The safety contour is where unsafe water ({@code DRVAL1 <} safety contour) meets safe water;
 * when the chart has no contour at the mariner's value, the next deeper one serves. It is drawn
 * {@code LS(SOLD,2,DEPSC)}, or {@code LS(DASH,2,DEPSC)} where the position is unreliable
 * ({@code QUAPOS} not 1, 10 or 11).
 *
 * <p>Limits of a per-feature stage, which sees one area and not its neighbours:
 * <ul>
 *   <li>The CSP examines each edge and asks which areas, contours, land or unsurveyed areas share
 *       it. Here the safety contour is drawn on the boundary of the area whose depth range holds
 *       the safety contour ({@code DRVAL1 <} safety contour {@code <= DRVAL2}): its deep side
 *       is the safety contour (the selected one or the next deeper), but its shallow side, and
 *       any edge against land or the chart's edge, are highlighted too. A stage that knows shared
 *       edges should draw only the edges between unsafe and safe water. DEPCNT03
 *       ({@link DepthContourProcedure}) highlights a contour whose VALDCO equals the safety
 *       contour, the case the CSP is certain of.</li>
 *   <li>The safety contour's own presentation (display base, priority 8, viewing group 13010,
 *       SCAMIN infinite) and its labels (SAFCON01, viewing group 33021, which needs the VALDCO
 *       of the contour sharing the edge) cannot be expressed as instructions and are left out.</li>
 *   <li>QUAPOS is read from the feature, not from each edge ({@link QualityOfPositionProcedure}).</li>
 * </ul>
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class DepthAreaProcedure implements ConditionalProcedure {
  /** The CSP's fail-safe DRVAL1: above the low water line, so the default shade is intertidal. */
  static final double UNKNOWN_DRVAL1 = -1.0;

  @Override
  public String name() {
    return "DEPARE";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    double drval1 = ProcedureAttributes.real(feature, "DRVAL1").orElse(UNKNOWN_DRVAL1);
    double drval2 = ProcedureAttributes.real(feature, "DRVAL2").orElse(drval1 + 0.01);
    List<String> instructions = new ArrayList<>();
    // Lines carry no fill; only the contour part of the CSP applies to them.
    if (feature.getPrimitive() == 3) {
      instructions.addAll(SeabedProcedure.instructions(drval1, drval2, settings));
      if ("DRGARE".equals(feature.getObjectClass())) {
        instructions.add("AP(DRGARE01)");
        instructions.add("LS(DASH,1,CHGRF)");
        List<Integer> restrn = ProcedureAttributes.list(feature, "RESTRN");
        if (!restrn.isEmpty()) {
          instructions.add(RestrictionSymbolProcedure.instruction(restrn));
        }
      }
    }
    if (holdsSafetyContour(drval1, drval2, settings)) {
      instructions.add(safetyContourLine(feature));
    }
    return instructions;
  }

  /**
   * The area is unsafe ({@code DRVAL1 <} safety contour) and reaches down to the safety contour,
   * so the edge to its deeper neighbour is the safety contour, or the next deeper contour when
   * none lies at the mariner's value.
   */
  static boolean holdsSafetyContour(double drval1, double drval2, MarinerSettings settings) {
    return drval1 < settings.safetyContour() && drval2 >= settings.safetyContour();
  }

  /** The safety contour line: dashed where the position is unreliable. */
  static String safetyContourLine(S57Feature feature) {
    return QualityOfPositionProcedure.unreliable(feature) ? "LS(DASH,2,DEPSC)" : "LS(SOLD,2,DEPSC)";
  }
}
