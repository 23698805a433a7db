package io.chartstream.ingest.s57;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes ISO/IEC 8211 records, the container {@link Iso8211Reader} reads: a record is a 24-byte
 * leader, a directory of (tag, length, position) entries ending in a field terminator (0x1E), and
 * the field area. The caller gives each field's bytes, terminator included, and writes the records
 * it gets where it likes, one after the other (a file is its DDR, then its data records), so a file
 * of any length streams through a fixed amount of memory.
 *
 * <p>The directory's entry sizes are the fewest digits that hold the record's largest field
 * length and position; ISO 8211 lets each record choose its own.
 */
public final class Iso8211Writer {
  /** The largest record a five-digit leader length can state. */
  public static final int MAX_RECORD_LENGTH = 99_999;
  static final byte UNIT_TERMINATOR = 0x1F;
  private static final byte FIELD_TERMINATOR = Iso8211Reader.FIELD_TERMINATOR;
  private static final int TAG_LENGTH = 4;

  /**
   * One field of a record.
   *
   * @param tag   four characters
   * @param bytes the field's content, ending with its field terminator
   */
  public record FieldData(String tag, byte[] bytes) {
    public FieldData {
      Objects.requireNonNull(bytes, "bytes");
      if (tag.length() != TAG_LENGTH) {
        throw new IllegalArgumentException("an ISO 8211 field tag has 4 characters, not '" + tag + "'");
      }
      if (bytes.length == 0 || bytes[bytes.length - 1] != FIELD_TERMINATOR) {
        throw new IllegalArgumentException("field " + tag + " does not end with a field terminator");
      }
    }
  }

  private Iso8211Writer() {}

  /**
   * The DDR's file control field ({@code 0000}): the file title and the pairs of tags that say
   * which field is the parent of which ({@code "0001CATD"}: CATD under the record identifier).
   */
  public static FieldData fileControl(String title, String tagPairs) {
    return new FieldData("0000", text("0000;&   " + title + (char) UNIT_TERMINATOR + tagPairs));
  }

  /**
   * A DDR field description: field controls ({@code 1600;&   }: a vector of mixed data, as S-57
   * writes them), name, array descriptor ({@code RCNM!RCID!…}, leading {@code *} when the subfield
   * group repeats) and format controls ({@code (A(2),I(10),3A)}).
   */
  public static FieldData description(String tag, String fieldControls, String name, String arrayDescriptor,
                                      String formatControls) {
    char ut = (char) UNIT_TERMINATOR;
    return new FieldData(tag, text(fieldControls + name + ut + arrayDescriptor + ut + formatControls));
  }

  /** The data descriptive record (leader identifier {@code L}) holding {@code fields}. */
  public static byte[] descriptiveRecord(List<FieldData> fields) {
    return record(fields, true);
  }

  /** A data record (leader identifier {@code D}) holding {@code fields} in this order. */
  public static byte[] dataRecord(List<FieldData> fields) {
    return record(fields, false);
  }

  /** ISO 8859-1 text followed by a field terminator; a character outside ISO 8859-1 becomes '?'. */
  public static byte[] text(String content) {
    byte[] encoded = content.getBytes(ISO_8859_1);
    byte[] field = new byte[encoded.length + 1];
    System.arraycopy(encoded, 0, field, 0, encoded.length);
    field[encoded.length] = FIELD_TERMINATOR;
    return field;
  }

  private static byte[] record(List<FieldData> fields, boolean descriptive) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("an ISO 8211 record has at least one field");
    }
    int fieldArea = 0;
    int longest = 0;
    for (FieldData field : fields) {
      longest = Math.max(longest, field.bytes().length);
      fieldArea += field.bytes().length;
    }
    int lastPosition = fieldArea - fields.getLast().bytes().length;
    int lengthSize = digits(longest);
    int positionSize = digits(lastPosition);
    int base = Iso8211Reader.LEADER_LENGTH + fields.size() * (TAG_LENGTH + lengthSize + positionSize) + 1;
    int total = base + fieldArea;
    if (total > MAX_RECORD_LENGTH || lengthSize > 9 || positionSize > 9) {
      throw new IllegalArgumentException("an ISO 8211 record of " + total + " bytes does not fit the leader's "
          + "five-digit length (at most " + MAX_RECORD_LENGTH + ")");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(total);
    String leader = descriptive
        ? String.format(Locale.ROOT, "%05d3LE1 09%05d   %d%d04", total, base, lengthSize, positionSize)
        : String.format(Locale.ROOT, "%05d D     %05d   %d%d04", total, base, lengthSize, positionSize);
    out.writeBytes(leader.getBytes(ISO_8859_1));
    int position = 0;
    for (FieldData field : fields) {
      String entry = field.tag()
          + String.format(Locale.ROOT, "%0" + lengthSize + "d%0" + positionSize + "d", field.bytes().length, position);
      out.writeBytes(entry.getBytes(ISO_8859_1));
      position += field.bytes().length;
    }
    out.write(FIELD_TERMINATOR);
    for (FieldData field : fields) {
      out.writeBytes(field.bytes());
    }
    return out.toByteArray();
  }

  private static int digits(int value) {
    return Integer.toString(Math.max(value, 0)).length();
  }
}
