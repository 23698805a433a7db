package io.chartstream.topology.s52;

import io.chartstream.s52.ColourTokens;
import io.chartstream.s52.SymbolFile;
import io.chartstream.s52.SymbolLibrary;
import io.chartstream.s52.TokenColour;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads chartstream's own S-52 tables, used when no PresLib {@code .dai} is supplied, into the
 * same {@link Presentation} that {@link PresLibReader} gives: the colour tokens in
 * {@value #COLOURS}, the lookup entries in {@value #LOOKUPS} and the symbols, line styles and
 * patterns in {@value #SYMBOLS}, all in {@code config/s52/}, all written by
 * {@link PresLibConverter} from the PresLib.
 *
 * <p>{@value #COLOURS}: see {@link ColourTokens}. {@value #SYMBOLS}: see {@link SymbolFile}; a
 * folder without it has no symbol library (names are then not checked).
 *
 * <p>{@value #LOOKUPS}: one entry per line, eight fields separated by {@code |}:
 * <pre>
 * tables | class | conditions | instructions | priority | radar | category | group
 * </pre>
 * tables: a {@link LookupTableName}, or {@code POINTS} (both point tables) or {@code AREAS}
 * (both boundary tables), or several joined by commas; conditions: PresLib attribute conditions
 * separated by spaces ({@code BOYSHP2 COLOUR3,4,3}), {@code -} for none; instructions: PresLib
 * syntax separated by {@code ;}, {@code -} for none; radar {@code O} or {@code S}; category a
 * {@link DisplayCategory}. Entries keep the file's order, which decides ties (see
 * {@link LookupTable}).
 *
 * <p>In all files blank lines and lines starting with {@code #} are comments. Malformed lines
 * are an {@link IllegalArgumentException} naming the file and line.
 */
public final class BuiltInPresentation {
  /** The colour token file in the configuration folder. */
  public static final String COLOURS = ColourTokens.NAME;
  /** The lookup entry file in the configuration folder. */
  public static final String LOOKUPS = "lookups.psv";
  /** The symbol, line style and pattern file in the configuration folder. */
  public static final String SYMBOLS = SymbolFile.NAME;
  /** Where the shipped tables are, relative to the repository root. */
  public static final Path DEFAULT_DIR = Path.of("config", "s52");

  private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\|");
  private static final String SEPARATOR = " | ";

  private BuiltInPresentation() {}

  /**
   * Loads {@value #COLOURS}, {@value #LOOKUPS} and, when present, {@value #SYMBOLS} from
   * {@code dir} (normally {@code config/s52}).
   *
   * @throws IOException              when a file cannot be read
   * @throws IllegalArgumentException when a line is malformed
   */
  public static Presentation load(Path dir) throws IOException {
    List<ColourTable> colours = colourTables(ColourTokens.load(dir.resolve(COLOURS)));
    List<LookupEntry> entries = lookups(dir.resolve(LOOKUPS));
    Path symbolFile = dir.resolve(SYMBOLS);
    SymbolLibrary symbols = Files.isRegularFile(symbolFile) ? SymbolFile.load(symbolFile) : SymbolLibrary.empty();
    return Presentation.of(dir.resolve(LOOKUPS).toString(), colours, entries, symbols);
  }

  /** One colour table per palette, named as the palette. */
  static List<ColourTable> colourTables(ColourTokens tokens) {
    List<ColourTable> tables = new ArrayList<>();
    for (Palette palette : Palette.values()) {
      Map<String, String> hex = new LinkedHashMap<>();
      tokens.colours().forEach((token, colour) -> hex.put(token, pick(colour, palette)));
      tables.add(new ColourTable(palette.name(), palette, hex));
    }
    return tables;
  }

  private static String pick(TokenColour colour, Palette palette) {
    return switch (palette) {
      case DAY -> colour.day();
      case DUSK -> colour.dusk();
      case NIGHT -> colour.night();
    };
  }

  /**
   * The text of a {@value #LOOKUPS} holding {@code entries}, one line each with its own table,
   * after {@code header} (each line a comment).
   */
  static String writeLookups(List<String> header, List<LookupEntry> entries) {
    StringBuilder out = new StringBuilder();
    for (String line : header) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    for (LookupEntry entry : entries) {
      List<String> conditions = entry.conditions().stream().map(AttributeCondition::toString).toList();
      for (String text : conditions) {
        if (text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '|')) {
          throw new IllegalArgumentException(entry.label() + " (" + entry.origin()
              + "): condition '" + text + "' cannot be written: conditions hold no blank or |");
        }
      }
      for (String text : entry.instructions()) {
        if (text.indexOf('|') >= 0 || text.indexOf('\n') >= 0) {
          throw new IllegalArgumentException(entry.label() + " (" + entry.origin()
              + "): instruction '" + text + "' cannot be written: instructions hold no | or line end");
        }
      }
      out.append(entry.table().name()).append(SEPARATOR)
          .append(entry.objectClass()).append(SEPARATOR)
          .append(conditions.isEmpty() ? "-" : String.join(" ", conditions)).append(SEPARATOR)
          .append(entry.instructions().isEmpty() ? "-" : String.join(";", entry.instructions())).append(SEPARATOR)
          .append(entry.displayPriority()).append(SEPARATOR)
          .append(entry.radarOverlay() ? 'O' : 'S').append(SEPARATOR)
          .append(entry.displayCategory().name()).append(SEPARATOR)
          .append(entry.viewingGroup()).append('\n');
    }
    return out.toString();
  }

  private static List<LookupEntry> lookups(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<LookupEntry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        entries.addAll(entries(line, name + ":" + (i + 1)));
      } catch (IllegalArgumentException e) {
        throw error(name, i + 1, e.getMessage());
      }
    }
    return entries;
  }

  /** The entries of one line: one per table it names. */
  private static List<LookupEntry> entries(String line, String origin) {
    String[] fields = FIELD_SEPARATOR.split(line, -1);
    if (fields.length != 8) {
      throw new IllegalArgumentException("expected 8 fields separated by |, got " + fields.length);
    }
    List<AttributeCondition> conditions = new ArrayList<>();
    String conditionText = fields[2].strip();
    if (!conditionText.equals("-") && !conditionText.isEmpty()) {
      for (String condition : conditionText.split("\\s+")) {
        conditions.add(AttributeCondition.parse(condition));
      }
    }
    List<String> instructions = new ArrayList<>();
    String instructionText = fields[3].strip();
    if (!instructionText.equals("-")) {
      for (String instruction : SymbologyInstructions.split(instructionText)) {
        instructions.add(SymbologyInstructions.requireCommand(instruction));
      }
    }
    int priority = integer(fields[4], "display priority");
    String radar = fields[5].strip();
    if (!radar.equals("O") && !radar.equals("S")) {
      throw new IllegalArgumentException("radar flag '" + radar + "' is neither O nor S");
    }
    DisplayCategory category = DisplayCategory.parse(fields[6]);
    int group = integer(fields[7], "viewing group");
    String objectClass = fields[1].strip();
    List<LookupEntry> out = new ArrayList<>();
    for (LookupTableName table : tables(fields[0].strip())) {
      out.add(new LookupEntry(table, objectClass, conditions, instructions, priority, radar.equals("O"),
          category, group, origin));
    }
    return out;
  }

  private static List<LookupTableName> tables(String text) {
    List<LookupTableName> tables = new ArrayList<>();
    for (String name : text.split(",")) {
      switch (name.strip()) {
        case "POINTS" -> tables.addAll(List.of(LookupTableName.SIMPLIFIED, LookupTableName.PAPER_CHART));
        case "AREAS" -> tables.addAll(List.of(LookupTableName.PLAIN_BOUNDARIES, LookupTableName.SYMBOLIZED_BOUNDARIES));
        default -> {
          try {
            tables.add(LookupTableName.valueOf(name.strip()));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "unknown table '" + name.strip() + "' (a lookup table name, POINTS or AREAS)");
          }
        }
      }
    }
    return tables;
  }

  private static int integer(String text, String what) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + text.strip() + "' is not an integer");
    }
  }

  private static IllegalArgumentException error(String file, int line, String message) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s:%d: %s", file, line, message));
  }
}
