package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * S-52 CSP <b>LIGHTS06</b> (PresLib 4.0, CSP §13.2.4) for lights (LIGHTS): light flares, sectors
 * and the light description.
 * <ul>
 *   <li>Floodlight or spotlight ({@code CATLIT} 8, 11): {@code SY(LIGHTS82)}; strip light (9):
 *       {@code SY(LIGHTS81)}; nothing else.</li>
 *   <li>Directional or moiré light ({@code CATLIT} 1, 16) with ORIENT: a leg
 *       {@code LS(DASH,1,CHBLK)} of the nominal range towards the sea along ORIENT.</li>
 *   <li>Sector light (SECTR1 and SECTR2 given, not equal and not 0–360): legs and arc by the
 *       continuation, {@link LightSectorProcedure}.</li>
 *   <li>Major all-round light ({@code VALNMR >= 10} M, not an aero or air obstruction light, not
 *       Morse): a 360° arc of 26 mm in the light's colour.</li>
 *   <li>Other lights: the flare by colour, {@code LIGHTS11} red (3, or 1 and 3), {@code LIGHTS12}
 *       green (4, or 1 and 4), {@code LIGHTS13} white, yellow or orange (1, 6, 11, or 5 and 6),
 *       {@code LITDEF11} (magenta) for any other combination or no colour, rotated 135°; a
 *       directional light's flare points along ORIENT with {@code TE('%03.0lf deg','ORIENT',…)},
 *       or is {@code SY(QUESMRK1)} without ORIENT.</li>
 *   <li>All-round lights get the LITDSN02 description ({@link LightDescriptionProcedure}) as
 *       {@code TX('description',3,2,3,'15110',2,0,CHBLK,23)}: the CSP's {@code TX(LITDSN,…)}
 *       with the computed string as a quoted literal in place of an attribute label, because
 *       LITDSN is not an attribute. Text group 23 lets the display hide it.</li>
 * </ul>
 * Colour selection compares the COLOUR set exactly, as the CSP's table lists combinations. The
 * nominal range defaults to 9 M and the colour to magenta (12). Legs and arcs use the extension
 * instructions {@code LG(…)} and {@code AR(…)} documented on {@link LightSectorProcedure}.
 *
 * <p>Limits of a per-feature stage: the CSP flares an all-round light at 45° (and writes its
 * description bottom-justified) when another all-round light stands at the same position and this
 * one is white, yellow or orange; one feature does not see the other, so flares are always at
 * 135° (centre-justified text). For sector arcs and full-length legs see
 * {@link LightSectorProcedure}.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class LightsProcedure implements ConditionalProcedure {
  /** The CSP's default nominal range, nautical miles. */
  static final double DEFAULT_VALNMR = 9.0;
  /** Magenta: the CSP's colour when COLOUR is not given. */
  private static final List<Integer> DEFAULT_COLOUR = List.of(12);

  private static final Map<Set<Integer>, String> FLARES = Map.of(
      Set.of(1, 3), "LIGHTS11", Set.of(3), "LIGHTS11",
      Set.of(1, 4), "LIGHTS12", Set.of(4), "LIGHTS12",
      Set.of(11), "LIGHTS13", Set.of(6), "LIGHTS13", Set.of(1), "LIGHTS13", Set.of(5, 6), "LIGHTS13");
  private static final Map<Set<Integer>, String> ARC_COLOURS = Map.of(
      Set.of(1, 3), "LITRD", Set.of(3), "LITRD",
      Set.of(1, 4), "LITGN", Set.of(4), "LITGN",
      Set.of(11), "LITYW", Set.of(6), "LITYW", Set.of(1), "LITYW", Set.of(5, 6), "LITYW");

  @Override
  public String name() {
    return "LIGHTS";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    List<Integer> catlit = ProcedureAttributes.list(feature, "CATLIT");
    if (catlit.contains(8) || catlit.contains(11)) {
      return List.of("SY(LIGHTS82)");
    }
    if (catlit.contains(9)) {
      return List.of("SY(LIGHTS81)");
    }
    double valnmr = ProcedureAttributes.real(feature, "VALNMR").orElse(DEFAULT_VALNMR);
    boolean directional = catlit.contains(1) || catlit.contains(16);
    Optional<Double> orient = ProcedureAttributes.real(feature, "ORIENT");
    List<String> instructions = new ArrayList<>();
    if (directional && orient.isPresent()) {
      // ORIENT is the bearing from seaward: the leg runs from the light out to sea.
      instructions.add(LightSectorProcedure.leg("DASH,1,CHBLK",
          LightSectorProcedure.normalize(orient.get() + 180), valnmr, "NM"));
    }
    List<Integer> given = ProcedureAttributes.list(feature, "COLOUR");
    List<Integer> colours = given.isEmpty() ? DEFAULT_COLOUR : given;
    Optional<Double> sectr1 = ProcedureAttributes.real(feature, "SECTR1");
    Optional<Double> sectr2 = ProcedureAttributes.real(feature, "SECTR2");
    if (sectr1.isPresent() && sectr2.isPresent() && LightSectorProcedure.normalize(sectr2.get() - sectr1.get()) != 0) {
      boolean faint = ProcedureAttributes.includesAny(feature, "LITVIS", 3, 7, 8);
      instructions.addAll(LightSectorProcedure.sector(sectr1.get(), sectr2.get(), colours, faint));
      return instructions;
    }
    boolean major = valnmr >= 10 && !catlit.contains(5) && !catlit.contains(6)
        && ProcedureAttributes.integer(feature, "LITCHR").orElse(0) != 12;
    if (major) {
      instructions.addAll(LightSectorProcedure.allRound(colours));
    } else if (directional && orient.isPresent()) {
      // The flare points along the light's direction, seen from the light, with the bearing written beside it.
      // The CSP's TE names the colour "CHELK", which no colour table holds; CHBLK as the lookup tables' ORIENT texts.
      String rotation = LightSectorProcedure.number(LightSectorProcedure.normalize(orient.get() + 180));
      instructions.add("SY(" + flare(colours) + "," + rotation + ")");
      instructions.add("TE('%03.0lf deg','ORIENT',3,3,3,'15110',3,1,CHBLK,23)");
    } else if (directional) {
      // The CSP's "QUESTMRK1"; the symbol library names it QUESMRK1.
      instructions.add("SY(QUESMRK1)");
    } else {
      instructions.add("SY(" + flare(colours) + ",135)");
    }
    String description = LightDescriptionProcedure.describe(feature).replace("'", "");
    if (!description.isEmpty()) {
      instructions.add("TX('" + description + "',3,2,3,'15110',2,0,CHBLK,23)");
    }
    return instructions;
  }

  /** The flare symbol for a colour set: LIGHTS11/12/13, else LITDEF11. */
  static String flare(List<Integer> colours) {
    return FLARES.getOrDefault(Set.copyOf(colours), "LITDEF11");
  }

  /** The arc colour for a colour set: LITRD/LITGN/LITYW, else CHMGD. */
  static String arcColour(List<Integer> colours) {
    return ARC_COLOURS.getOrDefault(Set.copyOf(colours), "CHMGD");
  }
}
