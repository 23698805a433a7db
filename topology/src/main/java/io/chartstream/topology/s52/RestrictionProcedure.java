package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;

/**
 * S-52 CSP <b>RESTRN01</b> (PresLib 4.0, CSP §13.2.11): for the many area classes that may carry
 * the attribute {@code RESTRN} (ACHARE, CBLARE, DRGARE, FAIRWY, MARCUL, TSSLPT, …), the symbol of
 * their most significant restriction. RESTRN01 only signposts RESCSP02
 * ({@link RestrictionSymbolProcedure}); an area without {@code RESTRN} gets nothing from it.
 * RESARE has its own procedure, {@link RestrictedAreaProcedure}.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class RestrictionProcedure implements ConditionalProcedure {
  @Override
  public String name() {
    return "RESTRN";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    List<Integer> restrn = ProcedureAttributes.list(feature, "RESTRN");
    return restrn.isEmpty() ? List.of() : List.of(RestrictionSymbolProcedure.instruction(restrn));
  }
}
