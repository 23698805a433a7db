package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S-52 CSP <b>LITDSN02</b> (PresLib 4.0, CSP §13.2.4), the light description text of LIGHTS06,
 * which PresLib 4.0 gives only as a narrative: from CATLIT, LITCHR, SIGGRP, COLOUR, SIGPER,
 * HEIGHT, VALNMR and STATUS, the abbreviation a paper chart prints (INT 1, section P), e.g.
 * {@code Fl(2)WR.10s15m9M}, {@code Dir Oc.W.4s}, {@code Fl(2)+LFl.G.12s}, {@code F.R(occas)}.
 *
 * <p>Order: category ({@code Dir}, {@code Aero}, {@code Fog Det Lt}), character with its signal
 * group ({@code (1)} and {@code ()} are left out; a two-part character takes one group per part),
 * colours (after a dot unless a group closes the character), then after a dot the period ({@code s}), height ({@code m}) and nominal range
 * ({@code M}), and the status ({@code (occas)}, {@code (temp)}, {@code (priv)}, {@code (exting)},
 * {@code (U)} unwatched). What is not given is left out.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see LightsProcedure
 */
final class LightDescriptionProcedure {
  private static final Map<Integer, String> CATEGORIES = Map.of(1, "Dir", 5, "Aero", 7, "Fog Det Lt");
  private static final Map<Integer, String> CHARACTERS = Map.ofEntries(
      Map.entry(1, "F"), Map.entry(2, "Fl"), Map.entry(3, "LFl"), Map.entry(4, "Q"), Map.entry(5, "VQ"),
      Map.entry(6, "UQ"), Map.entry(7, "Iso"), Map.entry(8, "Oc"), Map.entry(9, "IQ"), Map.entry(10, "IVQ"),
      Map.entry(11, "IUQ"), Map.entry(12, "Mo"), Map.entry(13, "FFl"), Map.entry(14, "Fl+LFl"),
      Map.entry(15, "Oc+Fl"), Map.entry(16, "FLFl"), Map.entry(17, "Al.Oc"), Map.entry(18, "Al.LFl"),
      Map.entry(19, "Al.Fl"), Map.entry(20, "Al.Gr"), Map.entry(25, "Q+LFl"), Map.entry(26, "VQ+LFl"),
      Map.entry(27, "UQ+LFl"), Map.entry(28, "Al"), Map.entry(29, "F+Al.Fl"));
  private static final Map<Integer, String> COLOURS = Map.ofEntries(
      Map.entry(1, "W"), Map.entry(2, "B"), Map.entry(3, "R"), Map.entry(4, "G"), Map.entry(5, "Bu"),
      Map.entry(6, "Y"), Map.entry(7, "Gy"), Map.entry(8, "Br"), Map.entry(9, "Am"), Map.entry(10, "Vi"),
      Map.entry(11, "Or"), Map.entry(12, "M"), Map.entry(13, "Pk"));
  private static final Map<Integer, String> STATUSES = Map.of(
      2, "(occas)", 7, "(temp)", 8, "(priv)", 11, "(exting)", 17, "(U)");
  private static final Pattern GROUP = Pattern.compile("\\([^()]*\\)");

  private LightDescriptionProcedure() {}

  /** LITDSN02: the description; empty when nothing describes the light. */
  static String describe(S57Feature feature) {
    StringBuilder head = new StringBuilder();
    for (int category : ProcedureAttributes.list(feature, "CATLIT")) {
      if (CATEGORIES.containsKey(category)) {
        head.append(CATEGORIES.get(category)).append(' ');
      }
    }
    String character = character(feature);
    head.append(character);
    Set<String> colours = new LinkedHashSet<>();
    for (int colour : ProcedureAttributes.list(feature, "COLOUR")) {
      if (COLOURS.containsKey(colour)) {
        colours.add(COLOURS.get(colour));
      }
    }
    if (!colours.isEmpty() && !character.isEmpty() && !character.endsWith(")")) {
      head.append('.');
    }
    colours.forEach(head::append);

    StringBuilder tail = new StringBuilder();
    ProcedureAttributes.real(feature, "SIGPER").ifPresent(p -> tail.append(LightSectorProcedure.number(p)).append('s'));
    ProcedureAttributes.real(feature, "HEIGHT").ifPresent(h -> tail.append(LightSectorProcedure.number(h)).append('m'));
    ProcedureAttributes.real(feature, "VALNMR").ifPresent(r -> tail.append(LightSectorProcedure.number(r)).append('M'));

    String headText = head.toString().strip();
    String description = headText.isEmpty() || tail.isEmpty() ? headText + tail : headText + "." + tail;
    StringBuilder withStatus = new StringBuilder(description);
    for (int status : ProcedureAttributes.list(feature, "STATUS")) {
      if (STATUSES.containsKey(status)) {
        withStatus.append(STATUSES.get(status));
      }
    }
    return withStatus.toString();
  }

  /** The character's abbreviation with its signal groups, one per part of a compound character. */
  private static String character(S57Feature feature) {
    String character = ProcedureAttributes.integer(feature, "LITCHR").map(CHARACTERS::get).orElse("");
    List<String> groups = new ArrayList<>();
    Matcher matcher = GROUP.matcher(ProcedureAttributes.text(feature, "SIGGRP").orElse(""));
    while (matcher.find()) {
      groups.add(matcher.group());
    }
    String[] parts = character.split("\\+");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        text.append('+');
      }
      text.append(parts[i]);
      // A simple character takes every group; a compound one takes them part by part.
      List<String> own = parts.length == 1 ? groups : i < groups.size() ? List.of(groups.get(i)) : List.of();
      own.stream().filter(g -> !g.equals("()") && !g.equals("(1)")).forEach(text::append);
    }
    return text.toString();
  }
}
