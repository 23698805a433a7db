package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S-52 CSP <b>DEPCNT03</b> (PresLib 4.0, CSP §13.2.2) for depth contours (DEPCNT): a solid line
 * {@code LS(SOLD,1,DEPCN)}, dashed {@code LS(DASH,1,DEPCN)} where the position is unreliable
 * ({@code QUAPOS} not 1, 10 or 11), and on request the contour's label from SAFCON01
 * ({@link SafetyContourLabelProcedure}; a missing VALDCO is labelled 0 m).
 *
 * <p>The safety contour: DEPARE03 is certain an edge is the safety contour when the contour on it
 * has VALDCO equal to the mariner's safety contour (its {@code LOC_SAFETY}). A per-feature stage
 * cannot run DEPARE03's edge test, so this procedure adds the safety contour line
 * {@code LS(SOLD,2,DEPSC)} (dashed where unreliable) over such a contour itself. When the safety
 * contour falls between the chart's contours, the next deeper contour is the one to highlight;
 * only the depth areas around it know that, and {@link DepthAreaProcedure} draws it.
 *
 * <p>Limits: the labels are the mariner's choice (viewing group 33022), which
 * {@link MarinerSettings} does not carry; the shared instance from {@link ConditionalProcedures}
 * draws no labels and {@code new DepthContourProcedure(true)} draws them. QUAPOS is read from
 * the feature, not from each edge ({@link QualityOfPositionProcedure}).
 *
 * <p>Immutable ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class DepthContourProcedure implements ConditionalProcedure {
  private final boolean contourLabels;

  /** Without contour labels (viewing group 33022 off). */
  public DepthContourProcedure() {
    this(false);
  }

  /** @param contourLabels whether to draw the SAFCON01 label of each contour */
  public DepthContourProcedure(boolean contourLabels) {
    this.contourLabels = contourLabels;
  }

  @Override
  public String name() {
    return "DEPCNT";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    List<String> instructions = new ArrayList<>();
    boolean unreliable = QualityOfPositionProcedure.unreliable(feature);
    instructions.add(unreliable ? "LS(DASH,1,DEPCN)" : "LS(SOLD,1,DEPCN)");
    Optional<Double> valdco = ProcedureAttributes.real(feature, "VALDCO");
    if (valdco.isPresent() && valdco.get() == settings.safetyContour()) {
      instructions.add(DepthAreaProcedure.safetyContourLine(feature));
    }
    if (contourLabels) {
      instructions.addAll(SafetyContourLabelProcedure.instructions(valdco.orElse(0.0)));
    }
    return instructions;
  }
}
