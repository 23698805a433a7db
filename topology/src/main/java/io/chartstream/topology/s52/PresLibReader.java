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

/**
 * Reads the S-52 Presentation Library's digital file, the {@code .dai} (S-52 PresLib 4.0, the
 * digital PresLib: ISO 8211-like text), into a {@link Presentation}: its colour tables and
 * lookup tables. Symbols, line styles and patterns are skipped.
 *
 * <p>Layout: each line is a field, a 4-character tag, a 5-character length (the bytes of the data
 * up to the line end) and the data; subfields end with the unit terminator {@code 0x1F}. A record
 * starts with a {@code 0001} field (its id) and ends with {@code ****}. Records read:
 * <pre>
 * COLS  CS rcid(5) stat(3) table-name          a colour table, then one CCIE per token:
 * CCIE  token(5) x ␟ y ␟ L ␟ colour-name ␟
 * LUPT  LU rcid(5) stat(3) class(6) ftyp(1: A/L/P) priority(5) radar(1: O/S) table-name ␟
 * ATTC  condition ␟ condition ␟ …              e.g. BOYSHP2␟COLOUR3,4,3␟  (may be empty)
 * INST  instructions ␟                         e.g. SY(BOYLAT13);TE(…)
 * DISC  display category ␟                     e.g. STANDARD, MARINERS STANDARD (may be empty)
 * LUCM  viewing group ␟                        e.g. 27010 (may be empty)
 * </pre>
 * Records with status {@code DEL} are skipped. CIE colours become sRGB through
 * {@link ColourConversion}, with the brightest colour of the whole file as white.
 *
 * <p>Malformed input (a length that does not match, a field outside a record, a number that is
 * not one, an unknown table name, …) is an {@link IllegalArgumentException} whose message starts
 * with {@code file:line:}.
 *
 * @see BuiltInPresentation
 */
public final class PresLibReader {
  private static final char UNIT = 0x1f;

  private final String file;
  private final Map<String, Map<String, CieColour>> cieTables = new LinkedHashMap<>();
  private final List<LookupEntry> entries = new ArrayList<>();

  private PresLibReader(String file) {
    this.file = file;
  }

  /**
   * Reads {@code dai}.
   *
   * @throws IOException              when it cannot be read
   * @throws IllegalArgumentException when it is malformed (the message names file and line)
   */
  public static Presentation read(Path dai) throws IOException {
    // ISO 8859-1 maps each byte to one char, so the declared lengths count chars.
    String text = new String(Files.readAllBytes(dai), StandardCharsets.ISO_8859_1);
    return parse(dai.getFileName().toString(), text);
  }

  /** Parses the text of a {@code .dai} file named {@code file} (for messages). */
  static Presentation parse(String file, String text) {
    PresLibReader reader = new PresLibReader(file);
    reader.readRecords(text.split("\n", -1));
    return reader.presentation();
  }

  /** One field: tag, data (without line end), line number. */
  private record Field(String tag, String data, int line) {}

  private void readRecords(String[] lines) {
    List<Field> record = null;
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isEmpty()) {
        continue;
      }
      Field field = field(line, lineNumber);
      if (field.tag().equals("0001")) {
        if (record != null) {
          throw error(lineNumber, "record id 0001 inside the record begun at line "
              + record.getFirst().line() + " (missing ****)");
        }
        record = new ArrayList<>();
        record.add(field);
      } else if (record == null) {
        throw error(lineNumber, "field " + field.tag() + " outside a record (expected 0001)");
      } else if (field.tag().equals("****")) {
        readRecord(record);
        record = null;
      } else {
        record.add(field);
      }
    }
    if (record != null) {
      throw error(record.getFirst().line(), "record not ended by **** before the end of the file");
    }
  }

  private Field field(String line, int lineNumber) {
    if (line.length() < 9) {
      throw error(lineNumber, "a field needs a 4-character tag and a 5-character length, got '" + line + "'");
    }
    String tag = line.substring(0, 4);
    int length = integer(line.substring(4, 9).trim(), lineNumber, "field length");
    String data = line.substring(9);
    if (data.length() != length) {
      throw error(lineNumber, "field " + tag + " declares " + length + " bytes but has " + data.length());
    }
    return new Field(tag, data, lineNumber);
  }

  private void readRecord(List<Field> record) {
    if (record.size() < 2) {
      return;
    }
    Field head = record.get(1);
    switch (head.tag()) {
      case "COLS" -> readColourTable(head, record.subList(2, record.size()));
      case "LUPT" -> readLookup(head, record.subList(2, record.size()));
      default -> { } // library id, symbols, line styles, patterns: not part of the model
    }
  }

  private void readColourTable(Field cols, List<Field> fields) {
    // CS rcid(5) stat(3) name
    String name = beforeUnit(cols, 10, "colour table name");
    if (isDeleted(cols)) {
      return;
    }
    if (Palette.ofTableName(name) == null) {
      throw error(cols.line(), "colour table '" + name + "' is not DAY, DUSK, NIGHT or a variant of them");
    }
    Map<String, CieColour> colours = cieTables.computeIfAbsent(name, k -> new LinkedHashMap<>());
    for (Field field : fields) {
      if (!field.tag().equals("CCIE")) {
        continue;
      }
      String[] parts = field.data().split(String.valueOf(UNIT), -1);
      if (parts.length < 3 || parts[0].length() < 6) {
        throw error(field.line(), "CCIE needs token(5) x, y and L separated by 0x1F, got '" + printable(field.data()) + "'");
      }
      String token = parts[0].substring(0, 5);
      double x = decimal(parts[0].substring(5), field.line(), "x of " + token);
      double y = decimal(parts[1], field.line(), "y of " + token);
      double luminance = decimal(parts[2], field.line(), "L of " + token);
      try {
        colours.put(token, new CieColour(x, y, luminance));
      } catch (IllegalArgumentException e) {
        throw error(field.line(), token + ": " + e.getMessage());
      }
    }
  }

  private void readLookup(Field lupt, List<Field> fields) {
    String data = lupt.data();
    if (data.length() < 24 || !data.startsWith("LU")) {
      throw error(lupt.line(), "LUPT needs LU rcid(5) stat(3) class(6) ftyp(1) priority(5) radar(1) table, got '"
          + printable(data) + "'");
    }
    if (isDeleted(lupt)) {
      return;
    }
    String objectClass = data.substring(10, 16);
    char ftyp = data.charAt(16);
    int priority = integer(data.substring(17, 22), lupt.line(), "display priority");
    char radar = data.charAt(22);
    String tableName = beforeUnit(lupt, 23, "table name");
    LookupTableName table;
    try {
      table = LookupTableName.valueOf(tableName);
    } catch (IllegalArgumentException e) {
      throw error(lupt.line(), "unknown lookup table '" + tableName + "'");
    }
    if (table.primitive() != ftyp) {
      throw error(lupt.line(), "object type " + ftyp + " does not belong in table " + table);
    }
    if (radar != 'O' && radar != 'S') {
      throw error(lupt.line(), "radar flag '" + radar + "' is neither O nor S");
    }
    List<AttributeCondition> conditions = new ArrayList<>();
    List<String> instructions = new ArrayList<>();
    DisplayCategory category = DisplayCategory.OTHER;
    int viewingGroup = 0;
    for (Field field : fields) {
      try {
        switch (field.tag()) {
          case "ATTC" -> {
            for (String part : field.data().split(String.valueOf(UNIT))) {
              if (!part.isEmpty()) {
                conditions.add(AttributeCondition.parse(part));
              }
            }
          }
          case "INST" -> {
            for (String instruction : SymbologyInstructions.split(beforeUnit(field, 0, "instructions"))) {
              instructions.add(SymbologyInstructions.requireCommand(instruction));
            }
          }
          case "DISC" -> category = DisplayCategory.parse(beforeUnit(field, 0, "display category"));
          case "LUCM" -> {
            String group = beforeUnit(field, 0, "viewing group").trim();
            viewingGroup = group.isEmpty() ? 0 : integer(group, field.line(), "viewing group");
          }
          default -> throw error(field.line(), "unexpected field " + field.tag() + " in a lookup record");
        }
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(file + ":") ? e : error(field.line(), e.getMessage());
      }
    }
    try {
      entries.add(new LookupEntry(table, objectClass, conditions, instructions, priority, radar == 'O',
          category, viewingGroup, file + ":" + lupt.line()));
    } catch (IllegalArgumentException e) {
      throw error(lupt.line(), e.getMessage());
    }
  }

  private Presentation presentation() {
    double white = cieTables.values().stream()
        .flatMap(t -> t.values().stream())
        .mapToDouble(CieColour::luminance)
        .max()
        .orElseThrow(() -> new IllegalArgumentException(file + ": no colour table (COLS records)"));
    if (!(white > 0)) {
      throw new IllegalArgumentException(file + ": every colour has luminance 0");
    }
    ColourConversion conversion = new ColourConversion(white);
    List<ColourTable> tables = new ArrayList<>();
    cieTables.forEach((name, cie) -> {
      Map<String, String> hex = new LinkedHashMap<>();
      cie.forEach((token, colour) -> hex.put(token, conversion.toHex(colour)));
      tables.add(new ColourTable(name, Palette.ofTableName(name), hex));
    });
    try {
      return Presentation.of(file, tables, entries);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().startsWith(file) ? e.getMessage() : file + ": " + e.getMessage(), e);
    }
  }

  /** The status field (3 characters after the 2-letter module name and the 5-digit id). */
  private static boolean isDeleted(Field field) {
    return field.data().length() >= 10 && field.data().substring(7, 10).equals("DEL");
  }

  private String beforeUnit(Field field, int start, String what) {
    String data = field.data();
    if (data.length() < start) {
      throw error(field.line(), field.tag() + " too short for its " + what);
    }
    int end = data.indexOf(UNIT, start);
    return data.substring(start, end < 0 ? data.length() : end);
  }

  private int integer(String text, int line, String what) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw error(line, what + " '" + printable(text) + "' is not an integer");
    }
  }

  private double decimal(String text, int line, String what) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw error(line, what + " '" + printable(text) + "' is not a number");
    }
  }

  private IllegalArgumentException error(int line, String message) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s:%d: %s", file, line, message));
  }

  private static String printable(String text) {
    return text.replace(UNIT, '␟');
  }
}
