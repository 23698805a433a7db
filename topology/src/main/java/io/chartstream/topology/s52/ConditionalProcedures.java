package io.chartstream.topology.s52;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The registry of S-52 conditional symbology procedures: what a lookup entry's {@code CS(NAME)}
 * stands for.
 *
 * <p>Lookup tables name procedures with a version ({@code DEPARE03}); tables of other PresLib
 * editions carry other versions ({@code DEPARE02}, {@code OBSTRN04}). {@link #byName} ignores
 * the version digits, so any edition's name finds this library's implementation, which follows
 * PresLib 4.0. It also accepts the whole instruction ({@code CS(DEPARE03)}) and any letter case.
 *
 * <table>
 *   <caption>Procedures (PresLib 4.0 CSP document)</caption>
 *   <tr><th>name</th><th>CSP</th><th>class</th></tr>
 *   <tr><td>DEPARE</td><td>DEPARE03, SEABED01, RESCSP02</td><td>{@link DepthAreaProcedure}</td></tr>
 *   <tr><td>DEPCNT</td><td>DEPCNT03, SAFCON01</td><td>{@link DepthContourProcedure}</td></tr>
 *   <tr><td>LIGHTS</td><td>LIGHTS06, LITDSN02</td><td>{@link LightsProcedure}</td></tr>
 *   <tr><td>OBSTRN</td><td>OBSTRN07, DEPVAL02, UDWHAZ05, SNDFRM04, QUAPNT02</td><td>{@link ObstructionProcedure}</td></tr>
 *   <tr><td>UWTROC</td><td>OBSTRN07 for rocks</td><td>{@link UnderwaterRockProcedure}</td></tr>
 *   <tr><td>WRECKS</td><td>WRECKS05, DEPVAL02, UDWHAZ05, SNDFRM04, QUAPNT02</td><td>{@link WreckProcedure}</td></tr>
 *   <tr><td>SOUNDG</td><td>SOUNDG03, SNDFRM04</td><td>{@link SoundingProcedure}</td></tr>
 *   <tr><td>RESARE</td><td>RESARE04</td><td>{@link RestrictedAreaProcedure}</td></tr>
 *   <tr><td>RESTRN</td><td>RESTRN01, RESCSP02</td><td>{@link RestrictionProcedure}</td></tr>
 *   <tr><td>SLCONS</td><td>SLCONS04, QUAPNT02</td><td>{@link ShorelineConstructionProcedure}</td></tr>
 *   <tr><td>TOPMAR</td><td>TOPMAR01</td><td>{@link TopmarkProcedure}</td></tr>
 *   <tr><td>QUAPOS</td><td>QUAPOS01, QUALIN01, QUAPNT02</td><td>{@link PositionQualityProcedure}</td></tr>
 *   <tr><td>SYMINS</td><td>SYMINS02 (in {@link #of(Presentation)} only)</td><td>{@link SymbolInstructionProcedure}</td></tr>
 * </table>
 * Sub-procedures (SEABED01, SNDFRM04, DEPVAL02, …) take arguments besides the feature and are
 * not registered. SYMINS02 (NEWOBJ, {@link SymbolInstructionProcedure}) checks names against a
 * presentation, so it is in {@link #of(Presentation)}, not {@link #byName}. Not implemented:
 * CLRLIN01, DATCVR02, LEGLIN03 (mariner's route objects and the meta-object data coverage, which
 * no lookup entry of PresLib 4.0 cites); {@link #byName} returns empty for them and a styler
 * reports a feature whose entry cites one as a stage error.
 *
 * <p>Every procedure is a pure function of the feature and the settings; the instances here are
 * shared and thread-safe. Where a procedure has a mariner option that {@link MarinerSettings}
 * does not carry, the shared instance uses the default its class documents (no contour labels,
 * symbolized boundaries); construct the class to choose otherwise.
 *
 * <p>Immutable ({@code @Immutable}).
 *
 * @see ConditionalProcedure
 */
public final class ConditionalProcedures {
  private static final List<ConditionalProcedure> ALL = List.of(
      new DepthAreaProcedure(), new DepthContourProcedure(), new LightsProcedure(), new ObstructionProcedure(),
      new UnderwaterRockProcedure(), new WreckProcedure(), new SoundingProcedure(), new RestrictedAreaProcedure(),
      new RestrictionProcedure(), new ShorelineConstructionProcedure(), new TopmarkProcedure(),
      new PositionQualityProcedure());
  private static final Map<String, ConditionalProcedure> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(ConditionalProcedure::name, Function.identity()));
  /** An optional {@code CS(…)} around letters and optional version digits. */
  private static final Pattern NAME = Pattern.compile("(?:CS\\()?\\s*([A-Z]+)[0-9]*\\s*\\)?");

  private ConditionalProcedures() {}

  /**
   * The procedure a lookup table names, with or without version digits: {@code DEPARE03},
   * {@code DEPARE02}, {@code DEPARE} and {@code CS(DEPARE03)} all give {@link DepthAreaProcedure}.
   *
   * @return empty for null, blank or unknown names
   */
  public static Optional<ConditionalProcedure> byName(String csName) {
    if (csName == null) {
      return Optional.empty();
    }
    Matcher matcher = NAME.matcher(csName.strip().toUpperCase(Locale.ROOT));
    return matcher.matches() ? Optional.ofNullable(BY_NAME.get(matcher.group(1))) : Optional.empty();
  }

  /**
   * Every procedure a lookup table of {@code presentation} may cite: {@link #byName}, and
   * SYMINS ({@link SymbolInstructionProcedure}) checking names against the presentation. What
   * a styler for that presentation takes: {@code new S52Styler(p, settings, tables,
   * ConditionalProcedures.of(p))}.
   */
  public static Function<String, Optional<ConditionalProcedure>> of(Presentation presentation) {
    SymbolInstructionProcedure symins = new SymbolInstructionProcedure(presentation);
    return name -> {
      Optional<ConditionalProcedure> found = byName(name);
      if (found.isPresent() || name == null) {
        return found;
      }
      Matcher matcher = NAME.matcher(name.strip().toUpperCase(Locale.ROOT));
      return matcher.matches() && matcher.group(1).equals(symins.name()) ? Optional.of(symins) : Optional.empty();
    };
  }

  /** Every registered procedure, once each, in the order of the class comment's table. */
  public static List<ConditionalProcedure> all() {
    return ALL;
  }
}
