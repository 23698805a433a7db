package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;

/**
 * S-52 CSP <b>SLCONS04</b> (PresLib 4.0, CSP §13.2.14) for shoreline constructions (SLCONS:
 * piers, quays, breakwaters, …).
 *
 * <p>Points get only what QUAPNT02 ({@link QualityOfPositionProcedure}) adds, {@code SY(LOWACC01)}
 * for a low-accuracy position (the lookup entry draws the construction's own symbol). Lines and
 * area boundaries are drawn {@code LC(LOWACC21)} when the position is unreliable, else by the
 * CSP's lookup entries, the first that matches: ruined or under construction ({@code CONDTN} 1
 * or 2) {@code LS(DASH,1,CSTLN)}; a breakwater, training wall or mole ({@code CATSLC} 6, 15, 16)
 * {@code LS(SOLD,4,CSTLN)}; always or partly under water ({@code WATLEV} 3 or 4)
 * {@code LS(DASH,2,CSTLN)}; otherwise {@code LS(SOLD,2,CSTLN)}.
 *
 * <p>Limit: QUAPOS is read from the feature, not from each edge
 * ({@link QualityOfPositionProcedure}).
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class ShorelineConstructionProcedure implements ConditionalProcedure {
  @Override
  public String name() {
    return "SLCONS";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    if (feature.getPrimitive() == 1) {
      return QualityOfPositionProcedure.lowAccuracySymbol(feature).stream().toList();
    }
    if (QualityOfPositionProcedure.unreliable(feature)) {
      return List.of("LC(LOWACC21)");
    }
    if (ProcedureAttributes.includesAny(feature, "CONDTN", 1, 2)) {
      return List.of("LS(DASH,1,CSTLN)");
    }
    if (ProcedureAttributes.includesAny(feature, "CATSLC", 6, 15, 16)) {
      return List.of("LS(SOLD,4,CSTLN)");
    }
    if (ProcedureAttributes.includesAny(feature, "WATLEV", 3, 4)) {
      return List.of("LS(DASH,2,CSTLN)");
    }
    return List.of("LS(SOLD,2,CSTLN)");
  }
}
