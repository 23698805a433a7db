package io.chartstream.topology.s52;

import io.chartstream.s52.ColourTokens;
import io.chartstream.s52.SymbolLibrary;
import io.chartstream.s52.TokenColour;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An S-52 presentation library in memory: its colour tables, lookup tables and symbol library
 * (S-52 PresLib 4.0, Part I: colour tables, look-up tables §8.3.3, symbols, line styles and
 * patterns), whether read from the IHO's {@code .dai}
 * file ({@link PresLibReader}) or from our built-in tables ({@link BuiltInPresentation});
 * {@link S52Styler} works with either.
 *
 * <p>Every palette must have a colour table, and the tables that stand for the three palettes
 * ({@link #colourTable}) must define the same tokens, so every token resolves in every palette.
 *
 * @param source        where it was read, for messages and docs
 * @param colourTables  every colour table, in the source's order (variants such as
 *                      {@code DAY_WHITEBACK} included)
 * @param lookupTables  one table per name; a name the source lacks maps to an empty table
 * @param symbols       the symbols, complex line styles and patterns the instructions name;
 *                      {@link SymbolLibrary#empty()} when the source has none (then names are
 *                      not checked)
 */
public record Presentation(String source, List<ColourTable> colourTables,
                           Map<LookupTableName, LookupTable> lookupTables, SymbolLibrary symbols) {
  public Presentation {
    symbols = symbols == null ? SymbolLibrary.empty() : symbols;
    colourTables = List.copyOf(colourTables);
    Map<LookupTableName, LookupTable> complete = new EnumMap<>(LookupTableName.class);
    for (LookupTableName name : LookupTableName.values()) {
      LookupTable table = lookupTables.get(name);
      complete.put(name, table != null ? table : new LookupTable(name, List.of()));
    }
    lookupTables = Collections.unmodifiableMap(complete);
    checkPalettes(source, colourTables);
  }

  /** Groups {@code entries} (in the source's order) into their tables; no symbol library. */
  public static Presentation of(String source, List<ColourTable> colourTables, List<LookupEntry> entries) {
    return of(source, colourTables, entries, SymbolLibrary.empty());
  }

  /** Groups {@code entries} (in the source's order) into their tables. */
  public static Presentation of(String source, List<ColourTable> colourTables, List<LookupEntry> entries,
                                SymbolLibrary symbols) {
    Map<LookupTableName, List<LookupEntry>> grouped = new EnumMap<>(LookupTableName.class);
    for (LookupEntry entry : entries) {
      grouped.computeIfAbsent(entry.table(), k -> new ArrayList<>()).add(entry);
    }
    Map<LookupTableName, LookupTable> tables = new LinkedHashMap<>();
    grouped.forEach((name, list) -> tables.put(name, new LookupTable(name, list)));
    return new Presentation(source, colourTables, tables, symbols);
  }

  /**
   * The table that stands for {@code palette}: the one named exactly so, else its
   * {@code _BRIGHT} variant, else its first variant.
   */
  public ColourTable colourTable(Palette palette) {
    return colourTables.stream()
        .filter(t -> t.palette() == palette)
        .min(Comparator.comparingInt(t -> palette.preference(t.name())))
        .orElseThrow();
  }

  public LookupTable lookupTable(LookupTableName name) {
    return lookupTables.get(name);
  }

  /** The tokens of the three palettes' tables as one table of day, dusk and night colours. */
  public ColourTokens tokenColours() {
    ColourTable day = colourTable(Palette.DAY);
    ColourTable dusk = colourTable(Palette.DUSK);
    ColourTable night = colourTable(Palette.NIGHT);
    Map<String, TokenColour> colours = new LinkedHashMap<>();
    day.colours().forEach((token, hex) -> colours.put(token,
        new TokenColour(hex, dusk.colours().get(token), night.colours().get(token))));
    return new ColourTokens(source, colours);
  }

  /**
   * The instructions of the lookup tables that name a symbol, line style or pattern the symbol
   * library lacks, as {@code "SY WIMCOM01 in SIMPLIFIED LNDMRK CATLMK19 (origin)"}, in table order;
   * empty when the library is empty (nothing to check against). PresLib 4.0 itself has one: its
   * simplified wind motor cites {@code WIMCOM01}, a symbol it defines as {@code WIMCON01}.
   */
  public List<String> danglingReferences() {
    List<String> dangling = new ArrayList<>();
    if (symbols.isEmpty()) {
      return dangling;
    }
    for (LookupTable table : lookupTables.values()) {
      for (LookupEntry entry : table.entries()) {
        for (String instruction : entry.instructions()) {
          SymbologyInstructions.symbolReference(instruction)
              .filter(ref -> symbols.find(ref.kind(), ref.name()).isEmpty())
              .ifPresent(ref -> dangling.add(ref + " in " + entry.label() + " (" + entry.origin() + ")"));
        }
      }
    }
    return dangling;
  }

  /** Every colour token of the palettes' tables. */
  public Set<String> colourTokens() {
    return new TreeSet<>(colourTable(Palette.DAY).colours().keySet());
  }

  private static void checkPalettes(String source, List<ColourTable> tables) {
    Set<String> dayTokens = null;
    for (Palette palette : Palette.values()) {
      ColourTable table = tables.stream()
          .filter(t -> t.palette() == palette)
          .min(Comparator.comparingInt(t -> palette.preference(t.name())))
          .orElseThrow(() -> new IllegalArgumentException(source + ": no colour table for palette " + palette));
      Set<String> tokens = new TreeSet<>(table.colours().keySet());
      if (dayTokens == null) {
        dayTokens = tokens;
      } else if (!tokens.equals(dayTokens)) {
        Set<String> differing = new TreeSet<>(tokens);
        differing.addAll(dayTokens);
        Set<String> common = new TreeSet<>(tokens);
        common.retainAll(dayTokens);
        differing.removeAll(common);
        throw new IllegalArgumentException(source + ": colour table " + table.name()
            + " does not define the same tokens as the day table; differing: " + differing);
      }
    }
  }
}
