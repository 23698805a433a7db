package io.chartstream.ingest.s57;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ISO/IEC 8211 file, the container of S-57: exchange-set catalogues
 * ({@code CATALOG.031}) and cells ({@code .000} and their updates).
 *
 * <p>The file is a data descriptive record (DDR, leader identifier {@code L}) and then data
 * records (DRs, {@code D} or {@code R}). Every record is a 24-byte leader, a directory of
 * (tag, length, position) entries ending in a field terminator (0x1E), and a field area whose
 * fields each end in 0x1E. The DDR describes each DR field: its subfield names (the array
 * descriptor, {@code RCNM!RCID!FILE…}; a leading {@code *} means the subfield group repeats)
 * and their encodings (the format controls, {@code (A(2),I(10),3A,A(3),4R,2A)}). This reader
 * applies those descriptions and hands back every subfield as a string, so it knows nothing of
 * S-57 itself; callers such as {@link CatalogReader} give the strings their meaning. A DR
 * leader {@code R} means that its leader and directory serve every later record, which then
 * holds only its field area.
 *
 * <p>Values: {@code A}, {@code I}, {@code R}, {@code S}, {@code C} as written, decoded as
 * ISO 8859-1 ({@code A(n)} is n bytes, a bare {@code A} runs to the unit terminator 0x1F);
 * {@code B(n)} (n bits) as upper-case hex in file order; S-57's {@code bXY} binary numbers
 * (Y bytes, little-endian; X = 1 unsigned, 2 signed, 4 IEEE float) in decimal, other X in hex.
 * A field ending in 0x1E 0x00 holds UCS-2 text (S-57 lexical level 2, allowed in NATF): its
 * variable subfields end in 0x1F 0x00 and are decoded as UTF-16LE, as GDAL does.
 *
 * <p>The whole file is held in memory (catalogues are kilobytes, cells a few megabytes) so that
 * every length and position is checked against the real size: malformed input ends in an
 * {@link S57FormatException}, never in an index error, and every record moves the reader
 * forward, so reading always ends. After an exception the reader is not to be used further.
 * Not thread-safe.
 */
public final class Iso8211Reader {
  private static final Logger LOGGER = LoggerFactory.getLogger(Iso8211Reader.class);
  static final int LEADER_LENGTH = 24;
  static final byte FIELD_TERMINATOR = 0x1E;
  private static final byte UNIT_TERMINATOR = 0x1F;
  /** The DDR's file control field: a title and tag pairs, not a description of a DR field. */
  private static final String FILE_CONTROL_TAG = "0000";
  private static final SubfieldFormat VARIABLE_TEXT = new SubfieldFormat('A', 0, 0);
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /**
   * A DR field as the DDR describes it.
   *
   * @param subfieldNames  in order; an elementary field (no array descriptor, such as the
   *                       {@code 0001} record identifier) has one subfield named as its tag
   * @param repeating      whether the subfield group repeats to the end of the field
   * @param formatControls as written, e.g. {@code (A(2),I(10),3A,A(3),4R,2A)}
   */
  public record FieldDefinition(
      String tag, String name, List<String> subfieldNames, boolean repeating, String formatControls) {
    public FieldDefinition {
      subfieldNames = List.copyOf(subfieldNames);
    }
  }

  /**
   * One field of a data record.
   *
   * @param groups its subfield groups in file order (one unless the field is repeating), each an
   *               unmodifiable subfield name → value map in the DDR's subfield order
   * @param start  where its bytes start in the file, for a caller that rewrites them in place
   * @param length its bytes in the file, field terminator included
   */
  public record Field(String tag, List<Map<String, String>> groups, int start, int length) {
    public Field {
      groups = List.copyOf(groups);
    }

    /** The value of {@code subfield} in the first group, or null if there is none. */
    public String value(String subfield) {
      return groups.isEmpty() ? null : groups.getFirst().get(subfield);
    }
  }

  /**
   * A data record.
   *
   * @param offset where its leader starts in the file (or its field area, after a reused leader)
   * @param length its bytes in the file, from {@code offset}
   * @param fields in directory order
   */
  public record DataRecord(long offset, int length, List<Field> fields) {
    public DataRecord {
      fields = List.copyOf(fields);
    }

    /** The first field with this tag. */
    public Optional<Field> field(String tag) {
      return fields.stream().filter(f -> f.tag().equals(tag)).findFirst();
    }
  }

  /**
   * How a subfield is encoded, from the DDR's format controls.
   *
   * @param type       {@code A}, {@code I}, {@code R}, {@code S}, {@code C}, {@code B} (bits) or
   *                   {@code b} (S-57's binary numbers)
   * @param width      in bytes, 0 for variable (delimited) text
   * @param binaryKind for {@code b}: 1 unsigned, 2 signed, 4 IEEE float, as in {@code bXY}; else 0
   */
  public record SubfieldFormat(char type, int width, int binaryKind) {
    /** Whether this is S-57's little-endian signed integer of {@code bytes} bytes ({@code b2Y}). */
    public boolean isSignedBinary(int bytes) {
      return type == 'b' && binaryKind == 2 && width == bytes;
    }
  }

  private record Entry(String tag, int length, int position) {}

  /**
   * What a leader and directory say: the leader identifier, the DDR's field control length, and
   * where the field area starts (from the record start), how long it is and what it holds.
   */
  private record Layout(char id, int controlLength, int baseAddress, int fieldAreaLength, List<Entry> entries) {}

  private final Path file;
  private final byte[] bytes;
  private final Map<String, FieldDefinition> definitions;
  private final Map<String, List<SubfieldFormat>> formats = new HashMap<>();
  private int position;
  /** Set by a leader 'R': ISO 8211's "reuse this leader and directory for every later record". */
  private Layout reused;

  private Iso8211Reader(Path file, byte[] bytes) throws S57FormatException {
    this.file = Objects.requireNonNull(file, "file");
    this.bytes = bytes;
    if (bytes.length == 0) {
      throw fail("empty_file", 0, "the file is empty, where an ISO 8211 file starts with a 24-byte leader");
    }
    Layout ddr = layout(0, true);
    if (ddr.id() != 'L') {
      throw fail("bad_leader", 0, "leader identifier is '" + printable(6, 1)
          + "' where a data descriptive record has 'L': this is not an ISO 8211 file");
    }
    Map<String, FieldDefinition> described = new LinkedHashMap<>();
    for (Entry e : ddr.entries()) {
      if (!e.tag().equals(FILE_CONTROL_TAG)) {
        int start = ddr.baseAddress() + e.position();
        int end = start + e.length() - terminatorLength(0, e, start);
        described.put(e.tag(), describe(e.tag(), start, end, ddr.controlLength()));
      }
    }
    this.definitions = Collections.unmodifiableMap(described);
    this.position = ddr.baseAddress() + ddr.fieldAreaLength();
    LOGGER.debug("{}: data descriptive record describes fields {}", file, definitions.keySet());
  }

  /** Reads {@code file} and its DDR; the data records are read by {@link #next()}. */
  public static Iso8211Reader open(Path file) throws S57FormatException {
    try {
      return new Iso8211Reader(file, Files.readAllBytes(file));
    } catch (S57FormatException e) {
      throw e;
    } catch (IOException e) {
      throw new S57FormatException(file, "unreadable_file", "cannot read the file: " + e, e);
    }
  }

  /** Reads ISO 8211 content already in memory; {@code source} names it in messages. */
  public static Iso8211Reader fromBytes(Path source, byte[] content) throws S57FormatException {
    return new Iso8211Reader(source, content.clone());
  }

  /** The DR field descriptions of the DDR, by tag, in directory order. */
  public Map<String, FieldDefinition> fieldDefinitions() {
    return definitions;
  }

  /** The encoding of each subfield of DR field {@code tag}, in the DDR's subfield order; empty if not described. */
  public List<SubfieldFormat> subfieldFormats(String tag) {
    return List.copyOf(formats.getOrDefault(tag, List.of()));
  }

  /** Whether bytes remain for another data record. */
  public boolean hasNext() {
    return position < bytes.length;
  }

  /** Reads the next data record; throws {@link NoSuchElementException} after the last one. */
  public DataRecord next() throws S57FormatException {
    if (!hasNext()) {
      throw new NoSuchElementException("no data record after byte " + position + " of " + file);
    }
    int at = position;
    int fieldArea = at;
    Layout layout = reused;
    if (layout == null) {
      layout = layout(at, false);
      fieldArea += layout.baseAddress();
      if (layout.id() != 'D' && layout.id() != 'R') {
        throw fail("bad_leader", at, "leader identifier is '" + printable(at + 6, 1)
            + "' where a data record has 'D' or 'R'");
      } else if (layout.id() == 'R') {
        // An empty field area would leave later records without bytes, and the reader in place.
        if (layout.fieldAreaLength() == 0) {
          throw fail("bad_leader", at, "a record whose leader and directory are to be reused has no field area");
        }
        reused = layout;
      }
    } else if (bytes.length - at < layout.fieldAreaLength()) {
      throw fail("truncated_record", at, "the file ends " + (bytes.length - at) + " bytes into a field area of "
          + layout.fieldAreaLength() + " bytes");
    }
    List<Field> fields = new ArrayList<>(layout.entries().size());
    for (Entry e : layout.entries()) {
      int start = fieldArea + e.position();
      int terminator = terminatorLength(at, e, start);
      fields.add(decodeField(at, e.tag(), start, e.length(), terminator));
    }
    position = fieldArea + layout.fieldAreaLength();
    return new DataRecord(at, position - at, fields);
  }

  /** Reads all remaining data records. */
  public List<DataRecord> readAll() throws S57FormatException {
    List<DataRecord> records = new ArrayList<>();
    while (hasNext()) {
      records.add(next());
    }
    return records;
  }

  /** Reads the leader and directory of the record at {@code at}, checking them against the file. */
  private Layout layout(int at, boolean descriptive) throws S57FormatException {
    int available = bytes.length - at;
    if (available < LEADER_LENGTH) {
      throw fail("truncated_leader", at, "the file ends " + available + " bytes into a 24-byte record leader");
    }
    long length = number(at, at, 5, "bad_leader", "record length");
    // Only the DDR has field controls; a DR leaves these two characters blank.
    int controlLength = descriptive ? number(at, at + 10, 2, "bad_leader", "field control length") : 0;
    int base = number(at, at + 12, 5, "bad_leader", "base address of the field area");
    int lengthSize = number(at, at + 20, 1, "bad_leader", "entry map's size of field length");
    int positionSize = number(at, at + 21, 1, "bad_leader", "entry map's size of field position");
    int tagSize = number(at, at + 23, 1, "bad_leader", "entry map's size of field tag");
    if (lengthSize == 0 || positionSize == 0 || tagSize == 0) {
      throw fail("bad_leader", at, "entry map '" + printable(at + 20, 4) + "' gives a size of 0");
    }
    if (base <= LEADER_LENGTH || (length != 0 && base > length)) {
      throw fail("bad_leader", at, "base address " + base + " is not within the record of " + length + " bytes");
    }
    if (length > available || base > available) {
      throw fail("truncated_record", at, "the record needs " + Math.max(length, base) + " bytes; the file has "
          + available + " left");
    }
    int entrySize = tagSize + lengthSize + positionSize;
    int end = at + base - 1;
    if (bytes[end] != FIELD_TERMINATOR || (end - at - LEADER_LENGTH) % entrySize != 0) {
      throw fail("bad_directory", at, "the directory is not a whole number of " + entrySize
          + "-byte entries ending with a field terminator at byte " + end);
    }
    List<Entry> entries = new ArrayList<>();
    for (int e = at + LEADER_LENGTH; e < end; e += entrySize) {
      String tag = new String(bytes, e, tagSize, ISO_8859_1);
      int fieldLength = number(at, e + tagSize, lengthSize, "bad_directory", "length of field " + printable(tag));
      int fieldAt = number(at, e + tagSize + lengthSize, positionSize, "bad_directory",
          "position of field " + printable(tag));
      entries.add(new Entry(tag, fieldLength, fieldAt));
    }
    // A length of 00000 means the record outgrew five digits: its last field marks its end.
    long needed = base;
    for (Entry e : entries) {
      needed = Math.max(needed, (long) base + e.position() + e.length());
    }
    if (needed > (length == 0 ? available : length)) {
      throw fail(length == 0 ? "truncated_record" : "truncated_field", at, "the directory has fields up to byte "
          + needed + " of a record of " + (length == 0 ? available : length) + " bytes");
    }
    return new Layout((char) (bytes[at + 6] & 0xFF), controlLength, base, (int) (length == 0 ? needed : length) - base,
        entries);
  }

  /** 1 for a field ending 0x1E, 2 for a UCS-2 field ending 0x1E 0x00. */
  private int terminatorLength(int at, Entry e, int start) throws S57FormatException {
    int end = start + e.length();
    if (e.length() >= 2 && bytes[end - 2] == FIELD_TERMINATOR && bytes[end - 1] == 0) {
      return 2;
    } else if (e.length() >= 1 && bytes[end - 1] == FIELD_TERMINATOR) {
      return 1;
    }
    throw fail("truncated_field", at, "field " + printable(e.tag()) + " does not end with a field terminator");
  }

  /** A DDR field description: field controls, then name, array descriptor and format controls. */
  private FieldDefinition describe(String tag, int start, int end, int controlLength) throws S57FormatException {
    if (end - start < controlLength) {
      throw fail("bad_field_description", 0, "the description of field " + printable(tag)
          + " is shorter than its " + controlLength + " field control characters");
    }
    String[] parts = new String(bytes, start + controlLength, end - start - controlLength, ISO_8859_1)
        .split(String.valueOf((char) UNIT_TERMINATOR), -1);
    String descriptor = parts.length > 1 ? parts[1] : "";
    String controls = parts.length > 2 ? parts[2].strip() : "";
    boolean repeating = descriptor.startsWith("*");
    String names = repeating ? descriptor.substring(1) : descriptor;
    List<String> subfields = names.isEmpty() ? List.of(tag) : List.of(names.split("!", -1));
    List<SubfieldFormat> parsed = controls.isEmpty()
        ? Collections.nCopies(subfields.size(), VARIABLE_TEXT)
        : new FormatParser(tag, controls, subfields.size()).parse();
    if (parsed.size() != subfields.size()) {
      throw fail("bad_format_controls", 0, "field " + printable(tag) + " names " + subfields.size()
          + " subfields but its format controls " + printable(controls) + " give " + parsed.size());
    }
    formats.put(tag, parsed);
    return new FieldDefinition(tag, parts[0], subfields, repeating, controls);
  }

  private Field decodeField(int at, String tag, int start, int length, int terminator) throws S57FormatException {
    int end = start + length - terminator;
    boolean wide = terminator == 2;
    FieldDefinition definition = definitions.get(tag);
    if (definition == null) {
      throw fail("undefined_field", at, "field " + printable(tag) + " is not described in the data descriptive record");
    }
    List<Map<String, String>> groups = new ArrayList<>();
    int p = start;
    // A repeating field holds as many groups as its data has room for, possibly none; a group
    // takes at least one byte while data remains (no width is 0), so the loop ends.
    while (definition.repeating() ? p < end : groups.isEmpty()) {
      Map<String, String> group = new LinkedHashMap<>();
      p = decodeGroup(at, definition, p, end, wide, group);
      groups.add(Collections.unmodifiableMap(group));
    }
    return new Field(tag, groups, start, length);
  }

  private int decodeGroup(int at, FieldDefinition definition, int start, int end, boolean wide,
      Map<String, String> into) throws S57FormatException {
    List<SubfieldFormat> fieldFormats = formats.get(definition.tag());
    int p = start;
    for (int i = 0; i < fieldFormats.size(); i++) {
      SubfieldFormat format = fieldFormats.get(i);
      String name = definition.subfieldNames().get(i);
      if (format.width() == 0) {
        int stop = unitTerminator(p, end, wide);
        into.put(name, new String(bytes, p, stop - p, wide ? UTF_16LE : ISO_8859_1));
        p = Math.min(end, stop + (wide ? 2 : 1));
      } else if (end - p < format.width()) {
        throw fail("truncated_field", at, "subfield " + printable(name) + " of field " + printable(definition.tag())
            + " needs " + format.width() + " bytes but the field has " + (end - p) + " left");
      } else {
        into.put(name, decodeFixed(format, p));
        p += format.width();
      }
    }
    return p;
  }

  /** Where the variable subfield from {@code from} ends: 0x1F, 0x1F 0x00 in UCS-2, or the field end. */
  private int unitTerminator(int from, int end, boolean wide) {
    int step = wide ? 2 : 1;
    for (int i = from; i + step - 1 < end; i += step) {
      if (bytes[i] == UNIT_TERMINATOR && (!wide || bytes[i + 1] == 0)) {
        return i;
      }
    }
    return end;
  }

  private String decodeFixed(SubfieldFormat format, int p) {
    if (format.type() != 'b') {
      return format.type() == 'B'
          ? HEX.formatHex(bytes, p, p + format.width())
          : new String(bytes, p, format.width(), ISO_8859_1);
    }
    long value = 0;
    for (int i = format.width() - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[p + i] & 0xFF);
    }
    int unusedBits = 64 - 8 * format.width();
    return switch (format.binaryKind()) {
      case 1 -> Long.toUnsignedString(value);
      case 2 -> Long.toString(value << unusedBits >> unusedBits);
      case 4 -> format.width() == 4
          ? Float.toString(Float.intBitsToFloat((int) value))
          : Double.toString(Double.longBitsToDouble(value));
      default -> HEX.formatHex(bytes, p, p + format.width());
    };
  }

  /** An unsigned decimal of {@code digits} (at most 9) ASCII digits at {@code at}, in a record at {@code recordAt}. */
  private int number(int recordAt, int at, int digits, String code, String what) throws S57FormatException {
    int value = 0;
    for (int i = at; i < at + digits; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        throw fail(code, recordAt, what + " is '" + printable(at, digits) + "', not " + digits + " digits");
      }
      value = value * 10 + (bytes[i] - '0');
    }
    return value;
  }

  private String printable(int at, int count) {
    return printable(new String(bytes, at, count, ISO_8859_1));
  }

  /** The text with control characters shown as '?', so that random bytes do not garble a message. */
  private static String printable(String text) {
    return text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  private S57FormatException fail(String code, int recordAt, String reason) {
    return new S57FormatException(file, code, "record at byte " + recordAt + ": " + reason);
  }

  /**
   * Expands format controls such as {@code (A(2),I(10),3A,A(3),4R,2A)} or {@code (b11,2(B(40),b12))}
   * into one format per subfield. It gives up as soon as the expansion passes {@code limit}
   * subfields, so a count such as {@code 9999(…)} in a corrupt file costs nothing.
   */
  private final class FormatParser {
    private static final int MAX_NESTING = 8;
    /**
     * An item: a repeat count, then text with an optional width ({@code A}, {@code A(3)}), bits
     * ({@code B(40)}), a binary number ({@code b14}) or the {@code (} of a nested group.
     */
    private static final Pattern ITEM = Pattern.compile(
        "([0-9]{0,4})(?:([AIRSC])(?:\\(([0-9]{1,4})\\))?|B\\(([0-9]{1,4})\\)|b([0-9])([0-9])|(\\())");
    private final String tag;
    private final String text;
    private final int limit;
    private final Matcher matcher;
    private int i;

    FormatParser(String tag, String text, int limit) {
      this.tag = tag;
      this.text = text;
      this.limit = limit;
      this.matcher = ITEM.matcher(text);
    }

    List<SubfieldFormat> parse() throws S57FormatException {
      List<SubfieldFormat> out = new ArrayList<>();
      if (!skip('(')) {
        throw bad("'(' expected");
      }
      group(0, out);
      if (i != text.length()) {
        throw bad("text after the closing parenthesis");
      }
      return out;
    }

    /** The items of a group whose {@code (} has been read, up to and including its {@code )}. */
    private void group(int depth, List<SubfieldFormat> out) throws S57FormatException {
      if (depth > MAX_NESTING) {
        throw bad("groups nested too deeply");
      }
      do {
        if (!matcher.region(i, text.length()).lookingAt()) {
          throw bad("a format expected");
        }
        i = matcher.end();
        int repeat = matcher.group(1).isEmpty() ? 1 : Integer.parseInt(matcher.group(1));
        List<SubfieldFormat> item = new ArrayList<>();
        if (matcher.group(7) != null) {
          group(depth + 1, item);
        } else {
          item.add(format());
        }
        for (int r = 0; r < repeat; r++) {
          out.addAll(item);
          if (out.size() > limit) {
            throw bad("more formats than the " + limit + " subfield names");
          }
        }
      } while (skip(','));
      if (!skip(')')) {
        throw bad("',' or ')' expected");
      }
    }

    /** The format the matcher has just found. */
    private SubfieldFormat format() throws S57FormatException {
      if (matcher.group(2) != null) {
        int width = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        if (width == 0 && matcher.group(3) != null) {
          throw bad("a width of 0");
        }
        return new SubfieldFormat(matcher.group(2).charAt(0), width, 0);
      } else if (matcher.group(4) != null) {
        int bits = Integer.parseInt(matcher.group(4));
        if (bits == 0 || bits % 8 != 0) {
          throw bad("B(" + bits + ") is not a whole, positive number of bytes");
        }
        return new SubfieldFormat('B', bits / 8, 0);
      }
      int kind = matcher.group(5).charAt(0) - '0';
      int width = matcher.group(6).charAt(0) - '0';
      if (kind < 1 || kind > 5 || width < 1 || width > 8 || (kind == 4 && width != 4 && width != 8)) {
        throw bad("binary format b" + kind + width + " is not one of b11…b58");
      }
      return new SubfieldFormat('b', width, kind);
    }

    private boolean skip(char c) {
      boolean found = i < text.length() && text.charAt(i) == c;
      i += found ? 1 : 0;
      return found;
    }

    private S57FormatException bad(String why) {
      return fail("bad_format_controls", 0, "format controls " + printable(text) + " of field " + printable(tag)
          + " cannot be read at character " + i + ": " + why);
    }
  }
}
