package io.chartstream.topology.s52;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PresLib {@code .dai} as this test reads it, separately from {@link PresLibReader}: records
 * between {@code 0001} and {@code ****} lines, each a list of (tag, data) with the data taken
 * from column 10 to the line end, the carriage return and the last unit terminator dropped
 * (declared lengths are not used). Test support only.
 */
final class DaiRecords {
  static final char UNIT = 0x1f;

  /** One field: its 4-character tag and its data. */
  record RawField(String tag, String data) {}

  /** One record: its fields after the 0001 line. */
  record RawRecord(List<RawField> fields) {
    String type() {
      return fields.isEmpty() ? "" : fields.getFirst().tag();
    }

    /** The data of the first field tagged {@code tag}, or "" when none. */
    String first(String tag) {
      return fields.stream().filter(f -> f.tag().equals(tag)).map(RawField::data).findFirst().orElse("");
    }

    /** The data of every field tagged {@code tag}, in order. */
    List<String> all(String tag) {
      return fields.stream().filter(f -> f.tag().equals(tag)).map(RawField::data).toList();
    }

    /** Whether the head field's status (after module and record id) is DEL. */
    boolean deleted() {
      String head = fields.isEmpty() ? "" : fields.getFirst().data();
      return head.length() >= 10 && head.substring(7, 10).equals("DEL");
    }
  }

  private DaiRecords() {}

  static List<RawRecord> read(Path dai) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    List<RawField> current = null;
    for (String line : new String(Files.readAllBytes(dai), StandardCharsets.ISO_8859_1).split("\n")) {
      String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (text.length() < 4) {
        continue;
      }
      String tag = text.substring(0, 4);
      if (tag.equals("0001")) {
        current = new ArrayList<>();
      } else if (tag.equals("****")) {
        records.add(new RawRecord(current));
        current = null;
      } else if (current != null) {
        String data = text.length() > 9 ? text.substring(9) : "";
        current.add(new RawField(tag, data.endsWith(String.valueOf(UNIT)) ? data.substring(0, data.length() - 1) : data));
      }
    }
    return records;
  }

  /** The records of one type ({@code LUPT}, {@code SYMB}, …), deleted ones left out. */
  static List<RawRecord> ofType(List<RawRecord> records, String type) {
    return records.stream().filter(r -> r.type().equals(type) && !r.deleted()).toList();
  }
}
