package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.Optional;

/**
 * S-52 CSP <b>QUAPNT02</b> (PresLib 4.0, CSP §13.2.9), quality of position of point and area
 * objects: whether the low accuracy symbol {@code SY(LOWACC01)} goes with the object, because its
 * position is unsurveyed, approximate, doubtful, reported or estimated ({@code QUAPOS} 2–9).
 * Called by OBSTRN07, QUAPOS01, SLCONS04 and WRECKS05. Also holds the test the line procedures
 * share ("{@code QUAPOS} given and not 1, 10 or 11"), which the CSPs state separately in
 * QUALIN01, DEPARE03, DEPCNT03, SLCONS04, SNDFRM04 and WRECKS05.
 *
 * <p>Limits of a per-feature stage:
 * <ul>
 *   <li>S-57 puts QUAPOS on the spatial records (nodes and edges), not the feature, and GDAL
 *       does not copy it onto the feature. The procedure reads {@code QUAPOS} from the feature's
 *       attributes when an encoder or the ingest put it there; otherwise the position counts as
 *       accurate, which draws the plain symbology (the CSP's own "no value" branch).</li>
 *   <li>The mariner's "show low accuracy symbols" selection (viewing group 31011) is not in
 *       {@link MarinerSettings}; the symbol is always returned, and the display filters it by
 *       its viewing group.</li>
 * </ul>
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see PositionQualityProcedure
 * @see LineQualityProcedure
 */
final class QualityOfPositionProcedure {
  /** The low accuracy symbol QUAPNT02 selects. */
  static final String LOW_ACCURACY_SYMBOL = "SY(LOWACC01)";

  private QualityOfPositionProcedure() {}

  /** QUAPNT02: {@code SY(LOWACC01)} when QUAPOS is 2–9, else empty. */
  static Optional<String> lowAccuracySymbol(S57Feature feature) {
    return lowAccuracy(feature) ? Optional.of(LOW_ACCURACY_SYMBOL) : Optional.empty();
  }

  /** QUAPNT02's test: QUAPOS is one of 2 (unsurveyed) … 9 (estimated). */
  static boolean lowAccuracy(S57Feature feature) {
    return ProcedureAttributes.integer(feature, "QUAPOS").map(q -> q >= 2 && q <= 9).orElse(false);
  }

  /**
   * The line procedures' test: QUAPOS is given and is none of 1 (surveyed), 10 (precisely known)
   * and 11 (calculated). Unlike QUAPNT02 it also catches codes outside 1–11.
   */
  static boolean unreliable(S57Feature feature) {
    return ProcedureAttributes.integer(feature, "QUAPOS").map(q -> q != 1 && q != 10 && q != 11).orElse(false);
  }
}
