package io.chartstream.topology.s52;

import io.chartstream.s52.PatternFill;
import io.chartstream.s52.SymbolBox;
import io.chartstream.s52.SymbolDefinition;
import io.chartstream.s52.SymbolKind;
import io.chartstream.s52.SymbolLibrary;
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
 * digital PresLib: ISO 8211-like text), into a {@link Presentation}: its colour tables, lookup
 * tables, and symbols, line styles and patterns ({@link SymbolLibrary}).
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
 * SYMB  SY rcid(5) stat(3)                     a symbol, then:
 * SYMD  name(8) type(1: V) pivot column(5) row(5) box width(5) height(5) column(5) row(5)
 * SXPO  description ␟
 * SCRF  colour references: letter(1) token(5), repeated
 * SVCT  vector commands ␟                      one or more, joined in order
 * LNST  LS rcid(5) stat(3)                     a complex line style: LIND (as SYMD without
 *                                              type), LXPO, LCRF, LVCT
 * PATT  PT rcid(5) stat(3)                     a pattern: PATD name(8) type(1) fill(3: LIN/STG)
 *                                              spacing(3: CON/SCL) minimum(5) maximum(5), then
 *                                              as SYMD; PXPO, PCRF, PVCT
 * </pre>
 * Raster definitions (type {@code R}, older libraries) are rejected: nothing here draws bitmaps.
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
  private final List<SymbolDefinition> symbols = new ArrayList<>();
  private String identification = "";

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

  /**
   * What the file's library identification record (LBID) says, e.g. {@code IHO edition 04.0 of
   * 20140201: Official IHO Presentation Library for ECDIS Ed 4 revision 0}; empty when it has none.
   *
   * @throws IOException              when it cannot be read
   * @throws IllegalArgumentException when it is malformed (the message names file and line)
   */
  public static String identification(Path dai) throws IOException {
    PresLibReader reader = new PresLibReader(dai.getFileName().toString());
    reader.readRecords(new String(Files.readAllBytes(dai), StandardCharsets.ISO_8859_1).split("\n", -1));
    return reader.identification;
  }

  /** LBID: LI rcid(5) EXPP(3) PTYP ␟ ESID ␟ EDTN ␟ CODT(8) COTI(6) VRDT(8) PROF(2) OCDT(8) COMT ␟. */
  private static String identification(String data) {
    String[] parts = data.split(String.valueOf(UNIT), -1);
    if (parts.length < 4 || parts[0].length() < 10 || parts[3].length() < 32) {
      return printable(data).strip();
    }
    return parts[0].substring(10) + " edition " + parts[2] + " of " + parts[3].substring(0, 8) + ": " + parts[3].substring(32);
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
      case "SYMB" -> readDefinition(SymbolKind.SYMBOL, head, record.subList(2, record.size()));
      case "LNST" -> readDefinition(SymbolKind.LINE, head, record.subList(2, record.size()));
      case "PATT" -> readDefinition(SymbolKind.PATTERN, head, record.subList(2, record.size()));
      case "LBID" -> identification = identification(head.data());
      default -> { } // nothing else is part of the model
    }
  }

  /** The tags of a definition's fields, by kind: definition, description, colours, vectors. */
  private static final Map<SymbolKind, List<String>> DEFINITION_TAGS = Map.of(
      SymbolKind.SYMBOL, List.of("SYMD", "SXPO", "SCRF", "SVCT"),
      SymbolKind.LINE, List.of("LIND", "LXPO", "LCRF", "LVCT"),
      SymbolKind.PATTERN, List.of("PATD", "PXPO", "PCRF", "PVCT"));

  private void readDefinition(SymbolKind kind, Field head, List<Field> fields) {
    if (isDeleted(head)) {
      return;
    }
    List<String> tags = DEFINITION_TAGS.get(kind);
    Field definition = null;
    String description = "";
    Map<Character, String> colours = new LinkedHashMap<>();
    StringBuilder vectors = new StringBuilder();
    for (Field field : fields) {
      String tag = field.tag();
      if (tag.equals(tags.get(0))) {
        definition = field;
      } else if (tag.equals(tags.get(1))) {
        description = beforeUnit(field, 0, "description");
      } else if (tag.equals(tags.get(2))) {
        String refs = beforeUnit(field, 0, "colour references");
        if (refs.length() % 6 != 0) {
          throw error(field.line(), tag + " holds letter + five-character token pairs, got '" + printable(refs) + "'");
        }
        for (int i = 0; i < refs.length(); i += 6) {
          if (colours.put(refs.charAt(i), refs.substring(i + 1, i + 6)) != null) {
            throw error(field.line(), "colour reference " + refs.charAt(i) + " given twice");
          }
        }
      } else if (tag.equals(tags.get(3))) {
        vectors.append(beforeUnit(field, 0, "vectors"));
      } else {
        throw error(field.line(), "unexpected field " + tag + " in a " + head.tag() + " record"
            + (tag.endsWith("BTM") ? " (raster definitions are not supported)" : ""));
      }
    }
    if (definition == null) {
      throw error(head.line(), head.tag() + " record without its " + tags.get(0) + " field");
    }
    try {
      symbols.add(definition(kind, definition, colours, vectors.toString(), description));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(file + ":") ? e : error(definition.line(), e.getMessage());
    }
  }

  private SymbolDefinition definition(SymbolKind kind, Field field, Map<Character, String> colours, String vectors,
                                      String description) {
    String data = field.data();
    int expected = switch (kind) {
      case SYMBOL -> 39;
      case LINE -> 38;
      case PATTERN -> 55;
    };
    if (data.length() < expected) {
      throw error(field.line(), field.tag() + " needs " + expected + " characters, got " + data.length());
    }
    String name = data.substring(0, 8).strip();
    int at = 8;
    PatternFill fill = null;
    if (kind != SymbolKind.LINE) {
      char type = data.charAt(at++);
      if (type != 'V') {
        throw error(field.line(), name + ": definition type '" + type + "' is not V (vector); raster definitions are not supported");
      }
    }
    if (kind == SymbolKind.PATTERN) {
      fill = new PatternFill(PatternFill.arrangement(data.substring(at, at + 3)), PatternFill.spacing(data.substring(at + 3, at + 6)),
          integer(data.substring(at + 6, at + 11), field.line(), "minimum distance"),
          integer(data.substring(at + 11, at + 16), field.line(), "maximum distance"));
      at += 16;
    }
    int[] numbers = new int[6];
    for (int i = 0; i < 6; i++, at += 5) {
      numbers[i] = integer(data.substring(at, at + 5), field.line(), field.tag() + " number " + (i + 1));
    }
    return new SymbolDefinition(kind, name, numbers[0], numbers[1],
        new SymbolBox(numbers[4], numbers[5], numbers[2], numbers[3]), colours, fill, vectors, description);
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
    SymbolLibrary library;
    try {
      library = new SymbolLibrary(file, symbols);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().startsWith(file) ? e.getMessage() : file + ": " + e.getMessage(), e);
    }
    try {
      return Presentation.of(file, tables, entries, library);
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
