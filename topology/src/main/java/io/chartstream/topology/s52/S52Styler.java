package io.chartstream.topology.s52;

import io.chartstream.schema.avro.PaletteColour;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.FeatureStage;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/**
 * The S-52 styling stage: gives every feature its presentation (S-52 PresLib 4.0 §8.3.3, look-up
 * tables, and the CSP document's "ECDIS display concept": lookup, conditional symbology, colour
 * tokens).
 *
 * <p>For a feature: the lookup table for its primitive and the {@link TableChoice}; the entry
 * {@link LookupTable#choose} picks; each {@code CS(NAME)} instruction replaced by what the
 * conditional symbology procedure returns for the feature and the {@link MarinerSettings}; every
 * colour token the resulting instructions name ({@link SymbologyInstructions#colourToken})
 * resolved in the day, dusk and night palettes. The result goes on every piece of the feature.
 *
 * <p>When there is no entry (an object class the tables do not know), the table's
 * {@code ######} entry is used (S-52's "unknown object" question mark), or, if the table has
 * none, the same instructions built in; {@code S52Style.fallback} is then true. Features without
 * geometry (PRIM 255: {@code C_AGGR}, {@code C_ASSO}) have no table, draw nothing and are marked
 * fallback; they never reach the stage, which only sees clipped pieces.
 *
 * <p>Procedures are looked up once, when the styler is built: the function is asked for the
 * name without version ({@code DEPARE}), then, if it has none, for the name as cited
 * ({@code DEPARE03}). A feature whose entry cites a procedure the function does not know is a
 * {@link StageException} ({@code s52_unknown_procedure}), never a style with {@code CS(…)} left in
 * it; so is a procedure that throws ({@code s52_procedure_failed}), or one that names a colour
 * token the palettes lack ({@code s52_unknown_colour}) or a symbol, line style or pattern the
 * presentation's library lacks ({@code s52_unknown_symbol}). The tables' own instructions are
 * kept as the library gives them even where they name a definition it lacks (PresLib 4.0 has one:
 * {@link Presentation#danglingReferences()}); a renderer draws those as the unknown-symbol sign.
 *
 * <p>A pure function of the feature, the presentation and the settings; immutable and safe to
 * share between threads ({@code @Immutable}). The {@code S52Style} of a feature is shared by its
 * pieces; styles of entries without procedures share their (unmodifiable) instruction list and
 * colour map, so readers must not change a style in place. Colour maps keep first-use order, so
 * equal features give byte-equal records.
 *
 * @see PresLibReader
 * @see BuiltInPresentation
 */
public final class S52Styler implements FeatureStage {
  /** {@code S52Style.lookup} when no entry of the tables applied. */
  public static final String FALLBACK = "fallback";

  private final Presentation presentation;
  private final MarinerSettings settings;
  private final TableChoice tables;
  private final Map<String, PaletteColour> colours;
  private final Map<String, Optional<ConditionalProcedure>> procedures;
  private final Map<LookupEntry, Prepared> prepared = new IdentityHashMap<>();
  private final Map<LookupTableName, Prepared> fallbacks;
  private final Prepared noGeometry;

  /** An entry with what can be computed once: its label, and its colours when it calls no procedure. */
  private record Prepared(LookupEntry entry, String label, boolean fallback, boolean callsProcedures,
                          Map<String, PaletteColour> colours) {}

  /**
   * @param presentation the colour and lookup tables ({@link BuiltInPresentation#load} or
   *                     {@link PresLibReader#read})
   * @param settings     the mariner's settings the procedures use
   * @param tables       which point and boundary tables to use
   * @param procedures   conditional symbology procedures by name, e.g.
   *                     {@code ConditionalProcedures::byName}
   * @throws IllegalArgumentException when an entry of the tables names a colour token the
   *                                  palettes lack
   */
  public S52Styler(Presentation presentation, MarinerSettings settings, TableChoice tables,
                   Function<String, Optional<ConditionalProcedure>> procedures) {
    this.presentation = Objects.requireNonNull(presentation, "presentation");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tables = Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(procedures, "procedures");
    this.colours = paletteColours(presentation);
    Map<String, Optional<ConditionalProcedure>> resolved = new LinkedHashMap<>();
    List<String> unknownTokens = new ArrayList<>();
    for (LookupTable table : presentation.lookupTables().values()) {
      for (LookupEntry entry : table.entries()) {
        for (String instruction : entry.instructions()) {
          SymbologyInstructions.procedure(instruction)
              .ifPresent(name -> resolved.computeIfAbsent(name, n -> resolve(procedures, n)));
        }
        prepared.put(entry, prepare(entry, entry.label(), false, unknownTokens));
      }
    }

    this.procedures = Collections.unmodifiableMap(resolved);
    Map<LookupTableName, Prepared> fallbackStyles = new EnumMap<>(LookupTableName.class);
    for (LookupTableName name : LookupTableName.values()) {
      LookupEntry entry = presentation.lookupTable(name).fallback().orElseGet(() -> builtInFallback(name));
      fallbackStyles.put(name, prepare(entry, FALLBACK, true, unknownTokens));
    }
    this.fallbacks = fallbackStyles;
    if (!unknownTokens.isEmpty()) {
      throw new IllegalArgumentException(presentation.source() + ": colour tokens not in the palettes: "
          + String.join("; ", new TreeSet<>(unknownTokens)));
    }
    this.noGeometry = new Prepared(null, FALLBACK, true, false, Map.of());
  }

  public Presentation presentation() {
    return presentation;
  }

  public MarinerSettings settings() {
    return settings;
  }

  public TableChoice tables() {
    return tables;
  }

  /** Styles {@code source} and sets the style on each of its pieces. */
  @Override
  public void process(S57Feature source, Geometry projected, List<PieceDraft> pieces) {
    if (pieces.isEmpty()) {
      return;
    }
    S52Style style = style(source);
    for (PieceDraft piece : pieces) {
      piece.record().setStyle(style);
    }
  }

  /**
   * The presentation of {@code feature}, procedures applied.
   *
   * @throws StageException when a procedure fails or names an unknown colour token
   */
  public S52Style style(S57Feature feature) {
    LookupTableName tableName = tables.tableFor(feature.getPrimitive());
    if (tableName == null) {
      return toStyle(noGeometry, List.of(), Map.of());
    }
    Prepared chosen = presentation.lookupTable(tableName)
        .choose(feature.getObjectClass(), feature.getAttributes())
        .map(prepared::get)
        .orElse(fallbacks.get(tableName));
    if (!chosen.callsProcedures()) {
      return toStyle(chosen, chosen.entry().instructions(), chosen.colours());
    }
    List<String> instructions = expand(chosen.entry(), feature);
    return toStyle(chosen, instructions, coloursOf(instructions, feature));
  }

  private List<String> expand(LookupEntry entry, S57Feature feature) {
    List<String> out = new ArrayList<>(entry.instructions().size() + 4);
    for (String instruction : entry.instructions()) {
      Optional<String> name = SymbologyInstructions.procedure(instruction);
      if (name.isEmpty()) {
        out.add(instruction);
        continue;
      }
      Optional<ConditionalProcedure> procedure = procedures.getOrDefault(name.get(), Optional.empty());
      if (procedure.isEmpty()) {
        throw new StageException("s52_unknown_procedure", String.format(
            "%s (entry %s) is not an implemented conditional symbology procedure (%s feature %d of %s)",
            instruction, entry.label(), feature.getObjectClass(), feature.getIndex(), feature.getChartId()));
      }
      List<String> produced;
      try {
        produced = procedure.get().instructions(feature, settings);
      } catch (StageException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new StageException("s52_procedure_failed", String.format("%s on %s feature %d of %s: %s",
            instruction, feature.getObjectClass(), feature.getIndex(), feature.getChartId(), e));
      }
      for (String text : produced) {
        for (String command : SymbologyInstructions.split(text)) {
          Optional<SymbologyInstructions.SymbolReference> unknown = unknownSymbol(command);
          if (unknown.isPresent()) {
            throw new StageException("s52_unknown_symbol", String.format(
                "%s gave %s, which %s lacks (%s feature %d of %s)", instruction, command,
                presentation.symbols().source(), feature.getObjectClass(), feature.getIndex(), feature.getChartId()));
          }
          out.add(command);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  private Map<String, PaletteColour> coloursOf(List<String> instructions, S57Feature feature) {
    Map<String, PaletteColour> used = new LinkedHashMap<>();
    for (String instruction : instructions) {
      Optional<String> token = SymbologyInstructions.colourToken(instruction);
      if (token.isPresent() && !used.containsKey(token.get())) {
        PaletteColour colour = colours.get(token.get());
        if (colour == null) {
          throw new StageException("s52_unknown_colour", String.format(
              "%s names colour %s, not in the palettes (%s feature %d of %s)",
              instruction, token.get(), feature.getObjectClass(), feature.getIndex(), feature.getChartId()));
        }
        used.put(token.get(), colour);
      }
    }
    return Collections.unmodifiableMap(used);
  }

  private static S52Style toStyle(Prepared chosen, List<String> instructions, Map<String, PaletteColour> colours) {
    LookupEntry entry = chosen.entry();
    return S52Style.newBuilder()
        .setLookup(chosen.label())
        .setFallback(chosen.fallback())
        .setDisplayPriority(entry == null ? 0 : entry.displayPriority())
        .setDisplayCategory((entry == null ? DisplayCategory.OTHER : entry.displayCategory()).name())
        .setViewingGroup(entry == null ? 0 : entry.viewingGroup())
        .setRadarOverlay(entry != null && entry.radarOverlay())
        .setInstructions(instructions)
        .setColours(colours)
        .build();
  }

  private Prepared prepare(LookupEntry entry, String label, boolean fallback, List<String> unknownTokens) {
    boolean callsProcedures = entry.instructions().stream().anyMatch(i -> SymbologyInstructions.procedure(i).isPresent());
    Map<String, PaletteColour> used = new LinkedHashMap<>();
    for (String instruction : entry.instructions()) {
      SymbologyInstructions.colourToken(instruction).ifPresent(token -> {
        PaletteColour colour = colours.get(token);
        if (colour == null) {
          unknownTokens.add(token + " in " + instruction + " (" + entry.origin() + ")");
        } else {
          used.putIfAbsent(token, colour);
        }
      });
    }
    return new Prepared(entry, label, fallback, callsProcedures, Collections.unmodifiableMap(used));
  }

  /** The definition an SY, LC or AP names when the presentation's non-empty library lacks it. */
  private Optional<SymbologyInstructions.SymbolReference> unknownSymbol(String instruction) {
    if (presentation.symbols().isEmpty()) {
      return Optional.empty();
    }
    return SymbologyInstructions.symbolReference(instruction)
        .filter(ref -> presentation.symbols().find(ref.kind(), ref.name()).isEmpty());
  }

  private static Optional<ConditionalProcedure> resolve(Function<String, Optional<ConditionalProcedure>> procedures,
                                                        String cited) {
    Optional<ConditionalProcedure> procedure = procedures.apply(SymbologyInstructions.withoutVersion(cited));
    return procedure.isPresent() ? procedure : procedures.apply(cited);
  }

  /** Every token of the palettes as day, dusk and night hex. */
  private static Map<String, PaletteColour> paletteColours(Presentation presentation) {
    ColourTable day = presentation.colourTable(Palette.DAY);
    ColourTable dusk = presentation.colourTable(Palette.DUSK);
    ColourTable night = presentation.colourTable(Palette.NIGHT);
    Map<String, PaletteColour> out = new LinkedHashMap<>();
    for (String token : presentation.colourTokens()) {
      out.put(token, new PaletteColour(day.colours().get(token), dusk.colours().get(token), night.colours().get(token)));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The PresLib's own entry for unknown classes, for tables that lack one (built-in tables
   * always have it): a magenta question mark, dashed magenta boundary.
   */
  private static LookupEntry builtInFallback(LookupTableName table) {
    List<String> instructions = switch (table) {
      case SIMPLIFIED, PAPER_CHART -> List.of("SY(QUESMRK1)");
      case LINES -> List.of("LC(QUESMRK1)");
      case PLAIN_BOUNDARIES -> List.of("SY(QUESMRK1)", "LS(DASH,1,CHMGD)");
      case SYMBOLIZED_BOUNDARIES -> List.of("SY(QUESMRK1)", "LC(QUESMRK1)");
    };
    return new LookupEntry(table, LookupEntry.UNKNOWN_CLASS, List.of(), instructions, 5,
        table.primitive() != 'A', DisplayCategory.STANDARD, 21010, "S52Styler");
  }
}
