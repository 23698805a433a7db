package io.chartstream.ingest.s57.simulate;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.chartstream.ingest.s57.Iso8211Reader;
import io.chartstream.ingest.s57.Iso8211Reader.DataRecord;
import io.chartstream.ingest.s57.Iso8211Reader.Field;
import io.chartstream.ingest.s57.Iso8211Reader.FieldDefinition;
import io.chartstream.ingest.s57.Iso8211Reader.SubfieldFormat;
import io.chartstream.ingest.s57.S57FormatException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * One S-57 file (a base cell or an update) read once, with where each of its positions and its
 * cell name lie in its bytes, so that copies of it can be moved and renamed by patching bytes.
 *
 * <p>Positions: every subfield named {@code YCOO} or {@code XCOO}, in any field (SG2D, SG3D, and
 * the arc fields should a cell have them), written as S-57's binary implementation writes them,
 * {@code b24}: a little-endian signed 32-bit integer, the coordinate times the cell's COMF. Adding
 * an integer to each changes no length, so the leader and directory of every record stay as they
 * are. A position in any other encoding is refused ({@code unsupported_coordinates}) rather than
 * left unmoved. VE3D (a sounding's depth) is not a position and stays.
 *
 * <p>The cell name: DSID's DSNM, the file name ({@code US5WA22M.000}).
 */
final class CellTemplate {
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final Set<String> COORDINATES = Set.of("YCOO", "XCOO");
  /** PICREP (120), TXTDSC (158), NTXTDS (304): attributes whose value is a file of the exchange set. */
  private static final Set<String> FILE_ATTRIBUTES = Set.of("120", "158", "304");
  private static final int DSNM_INDEX = 4; // RCNM, RCID, EXPP, INTU, DSNM

  final Path file;
  final byte[] bytes;
  /** Where each YCOO, and each XCOO, starts in {@link #bytes}. */
  final int[] yAt;
  final int[] xAt;
  /** DSID's record and where its DSNM text lies in {@link #bytes}. */
  final DataRecord dsid;
  final int dsnmAt;
  final int dsnmLength;
  /** DSID's intended usage (INTU): the usage band by the data set itself. */
  final int intendedUsage;
  /** DSPM's COMF, if the file has a DSPM (an update file usually has none: its base's applies). */
  final OptionalLong comf;
  /** Names of the files that PICREP, TXTDSC and NTXTDS values refer to. */
  final Set<String> referencedFiles;

  private CellTemplate(Path file, byte[] bytes, int[] yAt, int[] xAt, DataRecord dsid, int dsnmAt, int dsnmLength,
                       int intendedUsage, OptionalLong comf, Set<String> referencedFiles) {
    this.file = file;
    this.bytes = bytes;
    this.yAt = yAt;
    this.xAt = xAt;
    this.dsid = dsid;
    this.dsnmAt = dsnmAt;
    this.dsnmLength = dsnmLength;
    this.intendedUsage = intendedUsage;
    this.comf = comf;
    this.referencedFiles = referencedFiles;
  }

  /** Reads {@code file}: every record, checked by {@link Iso8211Reader}. */
  static CellTemplate read(Path file) throws S57FormatException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new S57FormatException(file, "unreadable_file", "cannot read the file: " + e, e);
    }
    Iso8211Reader reader = Iso8211Reader.fromBytes(file, bytes);
    Map<String, CoordinateField> coordinateFields = coordinateFields(file, reader);
    IntList ys = new IntList();
    IntList xs = new IntList();
    DataRecord dsid = null;
    int dsnmAt = -1;
    int dsnmLength = 0;
    int intendedUsage = 0;
    OptionalLong comf = OptionalLong.empty();
    Set<String> referenced = new TreeSet<>();
    while (reader.hasNext()) {
      DataRecord record = reader.next();
      for (Field field : record.fields()) {
        CoordinateField coordinates = coordinateFields.get(field.tag());
        if (coordinates != null) {
          coordinates.locate(file, record, field, ys, xs);
        } else if (field.tag().equals("DSID") && dsid == null) {
          dsid = record;
          dsnmAt = dsnmStart(file, record, field, reader.subfieldFormats("DSID"), bytes);
          dsnmLength = textEnd(bytes, dsnmAt, field.start() + field.length() - 1) - dsnmAt;
          intendedUsage = parseInt(field.value("INTU"));
        } else if (field.tag().equals("DSPM") && comf.isEmpty()) {
          comf = positive(field.value("COMF"));
        } else if (field.tag().equals("ATTF") || field.tag().equals("NATF")) {
          for (Map<String, String> group : field.groups()) {
            String value = group.get("ATVL");
            if (FILE_ATTRIBUTES.contains(group.get("ATTL")) && value != null && !value.isBlank()) {
              referenced.add(value.strip().substring(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1));
            }
          }
        }
      }
    }
    if (dsid == null) {
      throw new S57FormatException(file, "no_dsid", "the file has no DSID record, so it names no cell");
    }
    return new CellTemplate(file, bytes, ys.toArray(), xs.toArray(), dsid, dsnmAt, dsnmLength, intendedUsage, comf,
        Set.copyOf(referenced));
  }

  /** DSNM as written, e.g. {@code US5WA22M.000}. */
  String cellName() {
    return new String(bytes, dsnmAt, dsnmLength, ISO_8859_1);
  }

  /** The extent of the file's positions in COMF units, or null when it has none. */
  SourceCell.UnitBox box() {
    if (yAt.length == 0) {
      return null;
    }
    long minY = Long.MAX_VALUE;
    long minX = Long.MAX_VALUE;
    long maxY = Long.MIN_VALUE;
    long maxX = Long.MIN_VALUE;
    for (int i = 0; i < yAt.length; i++) {
      int y = readInt(bytes, yAt[i]);
      int x = readInt(bytes, xAt[i]);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
    }
    return new SourceCell.UnitBox(minY, minX, maxY, maxX);
  }

  /** Bytes held: the file and the positions' offsets, for a cache's budget. */
  long footprint() {
    return bytes.length + 4L * (yAt.length + xAt.length);
  }

  static int readInt(byte[] in, int at) {
    return (int) INT_LE.get(in, at);
  }

  static void writeInt(byte[] out, int at, int value) {
    INT_LE.set(out, at, value);
  }

  /** The fields whose subfields include YCOO or XCOO, and where those lie within a subfield group. */
  private static Map<String, CoordinateField> coordinateFields(Path file, Iso8211Reader reader) throws S57FormatException {
    Map<String, CoordinateField> fields = new HashMap<>();
    for (FieldDefinition definition : reader.fieldDefinitions().values()) {
      List<String> names = definition.subfieldNames();
      if (names.stream().noneMatch(COORDINATES::contains)) {
        continue;
      }
      List<SubfieldFormat> formats = reader.subfieldFormats(definition.tag());
      int groupSize = 0;
      List<Integer> ys = new ArrayList<>();
      List<Integer> xs = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        SubfieldFormat format = formats.get(i);
        boolean coordinate = COORDINATES.contains(names.get(i));
        if (format.width() == 0 || (coordinate && !format.isSignedBinary(4))) {
          throw new S57FormatException(file, "unsupported_coordinates", "field " + definition.tag() + " encodes "
              + names.get(i) + " as " + definition.formatControls() + "; positions can be moved in S-57's binary "
              + "implementation (b24, fixed-width fields) only");
        }
        if (names.get(i).equals("YCOO")) {
          ys.add(groupSize);
        } else if (names.get(i).equals("XCOO")) {
          xs.add(groupSize);
        }
        groupSize += format.width();
      }
      if (ys.size() != xs.size()) {
        throw new S57FormatException(file, "unsupported_coordinates", "field " + definition.tag()
            + " has " + ys.size() + " YCOO but " + xs.size() + " XCOO subfields per group");
      }
      fields.put(definition.tag(), new CoordinateField(definition.tag(), definition.repeating(), groupSize,
          ys.stream().mapToInt(Integer::intValue).toArray(), xs.stream().mapToInt(Integer::intValue).toArray()));
    }
    return fields;
  }

  /** A coordinate field's layout: fixed-width groups of {@code groupSize} bytes, YCOO and XCOO at these offsets. */
  private record CoordinateField(String tag, boolean repeating, int groupSize, int[] yOffsets, int[] xOffsets) {
    void locate(Path file, DataRecord record, Field field, IntList ys, IntList xs) throws S57FormatException {
      int data = field.length() - 1;
      if (data % groupSize != 0 || (!repeating && data != groupSize)) {
        throw new S57FormatException(file, "bad_coordinate_field", "record at byte " + record.offset() + ": field "
            + tag + " holds " + data + " bytes, not a whole number of " + groupSize + "-byte coordinate groups");
      }
      for (int group = field.start(); group < field.start() + data; group += groupSize) {
        for (int i = 0; i < yOffsets.length; i++) {
          ys.add(group + yOffsets[i]);
          xs.add(group + xOffsets[i]);
        }
      }
    }
  }

  /** Where DSNM's text starts: past the fixed-width and delimited subfields before it. */
  private static int dsnmStart(Path file, DataRecord record, Field dsid, List<SubfieldFormat> formats, byte[] bytes)
      throws S57FormatException {
    int end = dsid.start() + dsid.length() - 1;
    int p = dsid.start();
    for (int i = 0; i < DSNM_INDEX && i < formats.size(); i++) {
      p = formats.get(i).width() > 0 ? p + formats.get(i).width() : textEnd(bytes, p, end) + 1;
    }
    if (formats.size() <= DSNM_INDEX || formats.get(DSNM_INDEX).width() != 0 || p > end) {
      throw new S57FormatException(file, "bad_dsid", "record at byte " + record.offset()
          + ": DSID's fifth subfield is not the delimited text DSNM (the cell's file name)");
    }
    return p;
  }

  /** The unit terminator ending the text at {@code from}, or {@code end}. */
  private static int textEnd(byte[] bytes, int from, int end) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == 0x1F) {
        return i;
      }
    }
    return end;
  }

  private static int parseInt(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static OptionalLong positive(String value) {
    try {
      long parsed = value == null ? 0 : Long.parseLong(value.strip());
      return parsed > 0 ? OptionalLong.of(parsed) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** A growable int array: a large cell has hundreds of thousands of coordinates. */
  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
