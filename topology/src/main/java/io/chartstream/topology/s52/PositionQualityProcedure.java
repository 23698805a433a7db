package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;

/**
 * S-52 CSP <b>QUAPOS01</b> (PresLib 4.0, CSP §13.2.7), quality of position for land areas
 * (LNDARE, point and line) and coastlines (COALNE, line): lines go to QUALIN01
 * ({@link LineQualityProcedure}), points (and, as QUAPNT02 allows, areas) to QUAPNT02
 * ({@link QualityOfPositionProcedure}), which adds {@code SY(LOWACC01)} when the position is of
 * low accuracy.
 *
 * <p>Limits: QUAPOS is read from the feature rather than from each spatial component, and the
 * low accuracy symbol is not gated by the mariner's viewing-group selection; see
 * {@link QualityOfPositionProcedure}.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class PositionQualityProcedure implements ConditionalProcedure {
  @Override
  public String name() {
    return "QUAPOS";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    if (feature.getPrimitive() == 2) {
      return LineQualityProcedure.instructions(feature);
    }
    return QualityOfPositionProcedure.lowAccuracySymbol(feature).stream().toList();
  }
}
