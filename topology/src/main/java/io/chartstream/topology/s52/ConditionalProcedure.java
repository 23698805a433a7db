package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;

/**
 * One S-52 conditional symbology procedure (CSP), e.g. DEPARE03: from a feature's attributes
 * (and, for soundings, its depth) and the mariner's settings, the symbology instructions to use
 * in place of {@code CS(NAME)} in a lookup entry. A pure function: no state between features.
 */
public interface ConditionalProcedure {
  /** The procedure's name as lookup tables cite it, without version, e.g. {@code DEPARE}. */
  String name();

  /**
   * The instructions in PresLib syntax, e.g. {@code AC(DEPMD)}, {@code LS(SOLD,2,CHGRD)},
   * {@code SY(DANGER01)}; empty when the procedure draws nothing.
   *
   * @param feature  the source feature (attributes; geometry as WKB in WGS84, Z = depth for soundings)
   * @param settings the mariner's settings
   */
  List<String> instructions(S57Feature feature, MarinerSettings settings);
}
