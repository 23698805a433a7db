package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.RestrictionSymbolProcedure.ANCHORING;
import static io.chartstream.topology.s52.RestrictionSymbolProcedure.ENTRY;
import static io.chartstream.topology.s52.RestrictionSymbolProcedure.OTHER_TRAFFIC;
import static io.chartstream.topology.s52.RestrictionSymbolProcedure.OWN_SHIP;
import static io.chartstream.topology.s52.RestrictionSymbolProcedure.any;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;
import java.util.Set;

/**
 * S-52 CSP <b>RESARE04</b> (PresLib 4.0, CSP §13.2.10) for restricted areas (RESARE): one centred
 * symbol for the most significant restriction (RESTRN) or, without RESTRN, category (CATREA), and
 * the boundary.
 *
 * <p>RESTRN ranks as in RESCSP02 ({@link RestrictionSymbolProcedure}): entry (7, 8, 14) →
 * {@code ENTRES}, anchoring (1, 2) → {@code ACHRES}, fishing (3–6, 24) → {@code FSHRES}, other
 * traffic (13, 16, 17, 23, 25–27) → {@code CTYARE}, own-ship (9–12, 15, 18–22) → {@code INFARE51},
 * else {@code RSRDEF51}. The subscript variant also looks at CATREA: {@code …61} when a lower
 * traffic restriction or a traffic-related category (1, 8, 9, 12, 14, 18, 19, 21, 24, 25, 26:
 * safety zones, military, minefield, swimming, …) applies; {@code …71} when an own-ship
 * restriction or a nature-related category (4–7, 10, 20, 22, 23: reserves, sanctuaries, historic
 * wreck, research) applies; else {@code …51}. Without RESTRN: {@code CTYARE51}/{@code CTYARE71}
 * for a traffic-related category, {@code INFARE51} for a nature-related one, {@code RSRDEF51}
 * otherwise. The boundary is {@code LC(ENTRES51)}, {@code LC(ACHRES51)}, {@code LC(FSHRES51)} or
 * {@code LC(CTYARE51)} by family with symbolized boundaries, {@code LS(DASH,2,CHMGD)} with plain.
 *
 * <p>As the CSP says, continuation C counts RESTRN 24 (dragging prohibited) among the "further
 * restrictions" that select {@code FSHRES61}, unlike RESCSP02.
 *
 * <p>Limits: the mariner's boundary style is not in {@link MarinerSettings}: the shared instance
 * from {@link ConditionalProcedures} draws symbolized boundaries (the lookup tables'
 * {@code SYMBOLIZED_BOUNDARIES} set), {@code new RestrictedAreaProcedure(false)} plain ones. The
 * display priority 6 the CSP sets for a restriction symbol cannot be expressed as an instruction.
 *
 * <p>Immutable ({@code @Immutable}).
 *
 * @see RestrictionProcedure
 * @see ConditionalProcedures
 */
public final class RestrictedAreaProcedure implements ConditionalProcedure {
  private static final Set<Integer> FISHING_TRIGGER = Set.of(3, 4, 5, 6, 24);
  /** Continuation C's further restrictions: the other traffic ones and, as written, 24. */
  private static final Set<Integer> FISHING_FURTHER = Set.of(13, 16, 17, 23, 24, 25, 26, 27);
  private static final Set<Integer> TRAFFIC_CATEGORIES = Set.of(1, 8, 9, 12, 14, 18, 19, 21, 24, 25, 26);
  private static final Set<Integer> NATURE_CATEGORIES = Set.of(4, 5, 6, 7, 10, 20, 22, 23);
  private static final Set<Integer> ANCHORING_FURTHER = Set.of(3, 4, 5, 6, 13, 16, 17, 23, 24, 25, 26, 27);
  private static final Set<Integer> ENTRY_FURTHER = Set.of(1, 2, 3, 4, 5, 6, 13, 16, 17, 23, 24, 25, 26, 27);

  private final boolean symbolizedBoundaries;

  /** With symbolized boundaries. */
  public RestrictedAreaProcedure() {
    this(true);
  }

  /** @param symbolizedBoundaries symbolized ({@code LC(…)}) or plain ({@code LS(DASH,2,CHMGD)}) boundaries */
  public RestrictedAreaProcedure(boolean symbolizedBoundaries) {
    this.symbolizedBoundaries = symbolizedBoundaries;
  }

  @Override
  public String name() {
    return "RESARE";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    List<Integer> restrn = ProcedureAttributes.list(feature, "RESTRN");
    List<Integer> catrea = ProcedureAttributes.list(feature, "CATREA");
    String symbol;
    String boundary;
    if (restrn.isEmpty()) {
      symbol = categorySymbol(catrea);
      boundary = "CTYARE51";
    } else if (any(restrn, ENTRY)) {
      symbol = variant("ENTRES", further(restrn, catrea, ENTRY_FURTHER), restrn, catrea);
      boundary = "ENTRES51";
    } else if (any(restrn, ANCHORING)) {
      symbol = variant("ACHRES", further(restrn, catrea, ANCHORING_FURTHER), restrn, catrea);
      boundary = "ACHRES51";
    } else if (any(restrn, FISHING_TRIGGER)) {
      symbol = variant("FSHRES", further(restrn, catrea, FISHING_FURTHER), restrn, catrea);
      boundary = "FSHRES51";
    } else if (any(restrn, OTHER_TRAFFIC)) {
      // Continuation D has no "!" variant: other traffic restrictions are the lowest traffic rank.
      symbol = variant("CTYARE", false, restrn, catrea);
      boundary = "CTYARE51";
    } else {
      symbol = any(restrn, OWN_SHIP) ? "INFARE51" : "RSRDEF51";
      boundary = "CTYARE51";
    }
    String line = symbolizedBoundaries ? "LC(" + boundary + ")" : "LS(DASH,2,CHMGD)";
    return List.of("SY(" + symbol + ")", line);
  }

  /** A lower-ranked traffic restriction, or a traffic-related category, also applies. */
  private static boolean further(List<Integer> restrn, List<Integer> catrea, Set<Integer> furtherRestrictions) {
    return any(restrn, furtherRestrictions) || any(catrea, TRAFFIC_CATEGORIES);
  }

  /** Continuations A–D: {@code …61}, {@code …71} or {@code …51}. */
  private static String variant(String family, boolean furtherTraffic, List<Integer> restrn, List<Integer> catrea) {
    if (furtherTraffic) {
      return family + "61";
    }
    if (any(restrn, OWN_SHIP) || any(catrea, NATURE_CATEGORIES)) {
      return family + "71";
    }
    return family + "51";
  }

  /** Continuation E: no RESTRN. */
  private static String categorySymbol(List<Integer> catrea) {
    if (catrea.isEmpty()) {
      return "RSRDEF51";
    }
    if (any(catrea, TRAFFIC_CATEGORIES)) {
      return any(catrea, NATURE_CATEGORIES) ? "CTYARE71" : "CTYARE51";
    }
    return any(catrea, NATURE_CATEGORIES) ? "INFARE51" : "RSRDEF51";
  }
}
