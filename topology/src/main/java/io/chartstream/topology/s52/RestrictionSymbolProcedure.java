package io.chartstream.topology.s52;

import java.util.Collection;
import java.util.Set;

/**
 * S-52 CSP <b>RESCSP02</b> (PresLib 4.0, CSP §13.2.12), the one symbol that stands for the
 * restrictions ({@code RESTRN}) of an area other than RESARE, called by RESTRN01 and by
 * DEPARE03 for dredged areas.
 *
 * <p>Restrictions are ranked: entry (7, 8, 14) before anchoring (1, 2) before fishing and
 * trawling (3–6, 24) before the other traffic restrictions (13, 16, 17, 23, 25–27) before own-ship
 * activities (9–12, 15, 18–22). The highest rank picks the symbol family ({@code ENTRES},
 * {@code ACHRES}, {@code FSHRES}, {@code CTYARE}, {@code INFARE}); a subscript variant says more
 * restrictions apply: {@code …61} ("!", a further traffic restriction), {@code …71} ("i", a
 * further own-ship restriction), {@code …51} none. An unknown value gives {@code RSRDEF51}.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see RestrictionProcedure
 * @see RestrictedAreaProcedure
 */
final class RestrictionSymbolProcedure {
  static final Set<Integer> ENTRY = Set.of(7, 8, 14);
  static final Set<Integer> ANCHORING = Set.of(1, 2);
  static final Set<Integer> FISHING = Set.of(3, 4, 5, 6, 24);
  static final Set<Integer> OTHER_TRAFFIC = Set.of(13, 16, 17, 23, 25, 26, 27);
  static final Set<Integer> OWN_SHIP = Set.of(9, 10, 11, 12, 15, 18, 19, 20, 21, 22);

  private RestrictionSymbolProcedure() {}

  /** RESCSP02(RESTRN): the symbol instruction, e.g. {@code SY(ENTRES61)}. */
  static String instruction(Collection<Integer> restrn) {
    return "SY(" + symbol(restrn) + ")";
  }

  private static String symbol(Collection<Integer> restrn) {
    if (any(restrn, ENTRY)) {
      return variant("ENTRES", any(restrn, ANCHORING) || any(restrn, FISHING) || any(restrn, OTHER_TRAFFIC), restrn);
    }
    if (any(restrn, ANCHORING)) {
      return variant("ACHRES", any(restrn, FISHING) || any(restrn, OTHER_TRAFFIC), restrn);
    }
    if (any(restrn, FISHING)) {
      return variant("FSHRES", any(restrn, OTHER_TRAFFIC), restrn);
    }
    if (any(restrn, OTHER_TRAFFIC)) {
      return variant("CTYARE", false, restrn);
    }
    return any(restrn, OWN_SHIP) ? "INFARE51" : "RSRDEF51";
  }

  /** {@code …61} when a lower traffic restriction also applies, else {@code …71} for an own-ship one, else {@code …51}. */
  private static String variant(String family, boolean moreTraffic, Collection<Integer> restrn) {
    if (moreTraffic) {
      return family + "61";
    }
    return family + (any(restrn, OWN_SHIP) ? "71" : "51");
  }

  static boolean any(Collection<Integer> values, Set<Integer> codes) {
    return values.stream().anyMatch(codes::contains);
  }
}
