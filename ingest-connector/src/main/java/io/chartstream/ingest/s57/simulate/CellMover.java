package io.chartstream.ingest.s57.simulate;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.chartstream.ingest.s57.Iso8211Reader.Field;
import io.chartstream.ingest.s57.Iso8211Writer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A moved and renamed copy of an S-57 file: every position of the {@link CellTemplate} plus an
 * offset in the cell's COMF units, and DSID's DSNM replaced. A new name of the old name's length
 * (the 8.3 names of S-57 always are) is written in place; one of another length rebuilds the DSID
 * record through {@link Iso8211Writer} and leaves every other record's bytes as they were, since
 * ISO 8211 records are independent of each other.
 */
final class CellMover {
  private CellMover() {}

  /**
   * The template's bytes moved by {@code dy}, {@code dx} (COMF units) and named {@code dsnm}.
   *
   * @throws IllegalArgumentException if a moved coordinate leaves S-57's 32-bit range
   */
  static byte[] moved(CellTemplate template, long dy, long dx, String dsnm) {
    byte[] copy = template.bytes.clone();
    shift(copy, template.yAt, dy, template, "YCOO");
    shift(copy, template.xAt, dx, template, "XCOO");
    byte[] name = dsnm.getBytes(ISO_8859_1);
    if (name.length == template.dsnmLength) {
      System.arraycopy(name, 0, copy, template.dsnmAt, name.length);
      return copy;
    }
    return withDsidRebuilt(copy, template, name);
  }

  private static void shift(byte[] copy, int[] at, long offset, CellTemplate template, String what) {
    for (int p : at) {
      long moved = CellTemplate.readInt(copy, p) + offset;
      if (moved != (int) moved) {
        throw new IllegalArgumentException(template.file + ": " + what + " at byte " + p + " moved by " + offset
            + " leaves the 32-bit range of S-57 coordinates");
      }
      CellTemplate.writeInt(copy, p, (int) moved);
    }
  }

  private static byte[] withDsidRebuilt(byte[] copy, CellTemplate template, byte[] name) {
    List<Iso8211Writer.FieldData> fields = new ArrayList<>();
    for (Field field : template.dsid.fields()) {
      int start = field.start();
      int end = start + field.length();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length() + name.length);
      if (start <= template.dsnmAt && template.dsnmAt < end) {
        bytes.write(copy, start, template.dsnmAt - start);
        bytes.writeBytes(name);
        int after = template.dsnmAt + template.dsnmLength;
        bytes.write(copy, after, end - after);
      } else {
        bytes.write(copy, start, field.length());
      }
      fields.add(new Iso8211Writer.FieldData(field.tag(), bytes.toByteArray()));
    }
    byte[] record = Iso8211Writer.dataRecord(fields);
    int recordStart = (int) template.dsid.offset();
    int recordEnd = recordStart + template.dsid.length();
    ByteArrayOutputStream out = new ByteArrayOutputStream(copy.length + record.length - template.dsid.length());
    out.write(copy, 0, recordStart);
    out.writeBytes(record);
    out.write(copy, recordEnd, copy.length - recordEnd);
    return out.toByteArray();
  }
}
