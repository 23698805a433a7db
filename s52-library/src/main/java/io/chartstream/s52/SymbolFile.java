package io.chartstream.s52;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * chartstream's file of symbol, line-style and pattern definitions ({@value #NAME}): one
 * definition per line, eight fields separated by {@code |}:
 * <pre>
 * kind | name | pivot | box | colours | fill | vectors | description
 * SY | BOYLAT13 | 1033,960 | 724,663,433,439 | A:CHGRN B:OUTLW | - | SPA;SW1;ST0;PU1157,1102;… | conical lateral buoy, green, simplified
 * </pre>
 * kind {@code SY}, {@code LC} or {@code AP} (the instruction that draws it); pivot
 * {@code column,row}; box {@code column,row,width,height}; colours {@code letter:token} separated
 * by spaces; fill, for patterns only, {@code LIN|STG CON|SCL minimum maximum} (else {@code -});
 * vectors the PresLib's drawing commands verbatim; the description runs to the end of the line.
 * Blank lines and lines starting with {@code #} are comments. Malformed lines are an
 * {@link IllegalArgumentException} naming file and line.
 *
 * <p>Stateless ({@code @Immutable}).
 */
public final class SymbolFile {
  /** The file name in a configuration folder. */
  public static final String NAME = "symbols.psv";
  private static final String SEPARATOR = " | ";

  private SymbolFile() {}

  /** Reads {@code file}. */
  public static SymbolLibrary load(Path file) throws IOException {
    return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses the text of a symbol file named {@code source} (for messages). */
  public static SymbolLibrary read(String source, String text) {
    List<SymbolDefinition> definitions = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        definitions.add(definition(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s:%d: %s", source, i + 1, e.getMessage()), e);
      }
    }
    return new SymbolLibrary(source, definitions);
  }

  /** The lines of {@code library} in this format, after {@code header} (each line prefixed with "# "). */
  public static String write(List<String> header, SymbolLibrary library) {
    StringBuilder out = new StringBuilder();
    for (String line : header) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    for (SymbolDefinition d : library.definitions()) {
      out.append(d.kind().instruction()).append(SEPARATOR)
          .append(d.name()).append(SEPARATOR)
          .append(d.pivotColumn()).append(',').append(d.pivotRow()).append(SEPARATOR)
          .append(d.box().column()).append(',').append(d.box().row()).append(',')
          .append(d.box().width()).append(',').append(d.box().height()).append(SEPARATOR)
          .append(colours(d.colours())).append(SEPARATOR)
          .append(fill(d.fill())).append(SEPARATOR)
          .append(d.vectors()).append(SEPARATOR)
          .append(d.description()).append('\n');
    }
    return out.toString();
  }

  private static SymbolDefinition definition(String line) {
    String[] fields = line.split("\\|", 8);
    if (fields.length != 8) {
      throw new IllegalArgumentException("expected 8 fields separated by |, got " + fields.length);
    }
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].strip();
    }
    SymbolKind kind = SymbolKind.ofInstruction(fields[0]);
    if (kind == null) {
      throw new IllegalArgumentException("kind '" + fields[0] + "' is not SY, LC or AP");
    }
    int[] pivot = integers(fields[2], 2, "pivot column,row");
    int[] box = integers(fields[3], 4, "box column,row,width,height");
    return new SymbolDefinition(kind, fields[1], pivot[0], pivot[1], new SymbolBox(box[0], box[1], box[2], box[3]),
        colourMap(fields[4]), fill(fields[5]), fields[6], fields[7]);
  }

  private static String colours(Map<Character, String> colours) {
    StringBuilder out = new StringBuilder();
    colours.forEach((letter, token) -> out.append(out.isEmpty() ? "" : " ").append(letter).append(':').append(token));
    return out.isEmpty() ? "-" : out.toString();
  }

  private static Map<Character, String> colourMap(String text) {
    Map<Character, String> colours = new LinkedHashMap<>();
    if (text.equals("-")) {
      return colours;
    }
    for (String part : text.split("\\s+")) {
      if (part.length() != 7 || part.charAt(1) != ':') {
        throw new IllegalArgumentException("colour reference '" + part + "' is not letter:TOKEN");
      }
      if (colours.put(part.charAt(0), part.substring(2)) != null) {
        throw new IllegalArgumentException("colour reference " + part.charAt(0) + " given twice");
      }
    }
    return colours;
  }

  private static String fill(PatternFill fill) {
    return fill == null ? "-" : PatternFill.code(fill.arrangement()) + " " + PatternFill.code(fill.spacing())
        + " " + fill.minDistance() + " " + fill.maxDistance();
  }

  private static PatternFill fill(String text) {
    if (text.equals("-")) {
      return null;
    }
    String[] parts = text.split("\\s+");
    if (parts.length != 4) {
      throw new IllegalArgumentException("pattern fill '" + text + "' is not LIN|STG CON|SCL minimum maximum");
    }
    return new PatternFill(PatternFill.arrangement(parts[0]), PatternFill.spacing(parts[1]),
        integer(parts[2], "minimum distance"), integer(parts[3], "maximum distance"));
  }

  private static int[] integers(String text, int count, String what) {
    String[] parts = text.split(",");
    if (parts.length != count) {
      throw new IllegalArgumentException(what + " expected, got '" + text + "'");
    }
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = integer(parts[i], what);
    }
    return out;
  }

  private static int integer(String text, String what) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + text + "' is not an integer");
    }
  }
}
