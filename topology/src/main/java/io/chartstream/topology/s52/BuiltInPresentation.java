package io.chartstream.topology.s52;

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
 * {@value #COLOURS} and the lookup entries in {@value #LOOKUPS}, both in {@code config/s52/}.
 *
 * <p>{@value #COLOURS}: a header {@code token,day,dusk,night}, then one line per colour token
 * with its sRGB hex in each palette, e.g. {@code DEPVS,#a6c9f0,#2b3f52,#0c1218}.
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
 * <p>In both files blank lines and lines starting with {@code #} are comments. Malformed lines
 * are an {@link IllegalArgumentException} naming the file and line.
 */
public final class BuiltInPresentation {
  /** The colour token file in the configuration folder. */
  public static final String COLOURS = "colours.csv";
  /** The lookup entry file in the configuration folder. */
  public static final String LOOKUPS = "lookups.psv";
  /** Where the shipped tables are, relative to the repository root. */
  public static final Path DEFAULT_DIR = Path.of("config", "s52");

  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\|");

  private BuiltInPresentation() {}

  /**
   * Loads {@value #COLOURS} and {@value #LOOKUPS} from {@code dir} (normally {@code config/s52}).
   *
   * @throws IOException              when a file cannot be read
   * @throws IllegalArgumentException when a line is malformed
   */
  public static Presentation load(Path dir) throws IOException {
    List<ColourTable> colours = colours(dir.resolve(COLOURS));
    List<LookupEntry> entries = lookups(dir.resolve(LOOKUPS));
    return Presentation.of(dir.resolve(LOOKUPS).toString(), colours, entries);
  }

  private static List<ColourTable> colours(Path file) throws IOException {
    String name = file.getFileName().toString();
    Map<Palette, Map<String, String>> byPalette = new LinkedHashMap<>();
    for (Palette palette : Palette.values()) {
      byPalette.put(palette, new LinkedHashMap<>());
    }
    boolean header = false;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (!header) {
        if (!line.replace(" ", "").equalsIgnoreCase("token,day,dusk,night")) {
          throw error(name, i + 1, "expected the header token,day,dusk,night, got '" + line + "'");
        }
        header = true;
        continue;
      }
      if (fields.length != 4) {
        throw error(name, i + 1, "expected token,day,dusk,night, got " + fields.length + " fields");
      }
      String token = fields[0].strip();
      if (token.length() != 5) {
        throw error(name, i + 1, "colour token '" + token + "' is not 5 characters");
      }
      for (Palette palette : Palette.values()) {
        String hex = fields[palette.ordinal() + 1].strip();
        if (!HEX.matcher(hex).matches()) {
          throw error(name, i + 1, palette + " colour of " + token + " is not #rrggbb: '" + hex + "'");
        }
        if (byPalette.get(palette).put(token, hex.toLowerCase(Locale.ROOT)) != null) {
          throw error(name, i + 1, "colour token " + token + " defined twice");
        }
      }
    }
    if (!header) {
      throw error(name, lines.size(), "no header token,day,dusk,night");
    }
    List<ColourTable> tables = new ArrayList<>();
    byPalette.forEach((palette, hex) -> tables.add(new ColourTable(palette.name(), palette, hex)));
    return tables;
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
