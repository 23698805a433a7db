package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;

/**
 * S-52 CSP <b>QUALIN01</b> (PresLib 4.0, CSP §13.2.8), quality of position of lines: a land
 * area boundary or coastline whose position is unreliable is drawn with the complex line
 * {@code LC(LOWACC21)}; otherwise a coastline that is radar conspicuous ({@code CONRAD=1}) gets
 * a magenta underlay {@code LS(SOLD,3,CHMGF)} beneath {@code LS(SOLD,1,CSTLN)}, and every other
 * line the plain {@code LS(SOLD,1,CSTLN)}. Called by QUAPOS01 for LNDARE and COALNE lines.
 *
 * <p>Limit: the CSP decides per edge, from the QUAPOS of each spatial component; a per-feature
 * stage sees only the feature, so the whole line takes the feature's QUAPOS (see
 * {@link QualityOfPositionProcedure}).
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see PositionQualityProcedure
 */
final class LineQualityProcedure {
  private LineQualityProcedure() {}

  /** QUALIN01's instructions for a LNDARE or COALNE line. */
  static List<String> instructions(S57Feature feature) {
    if (QualityOfPositionProcedure.unreliable(feature)) {
      return List.of("LC(LOWACC21)");
    }
    // CONRAD belongs to COALNE; the CSP tests it only there.
    boolean coastline = "COALNE".equals(feature.getObjectClass());
    if (coastline && ProcedureAttributes.integer(feature, "CONRAD").orElse(0) == 1) {
      return List.of("LS(SOLD,3,CHMGF)", "LS(SOLD,1,CSTLN)");
    }
    return List.of("LS(SOLD,1,CSTLN)");
  }
}
