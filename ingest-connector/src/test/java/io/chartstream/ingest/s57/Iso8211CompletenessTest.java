package io.chartstream.ingest.s57;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Iso8211Completeness} on the real files, whole and cut short at every byte, checked
 * against {@link Iso8211Reader}, which parses every record and refuses a file that ends inside
 * one.
 */
class Iso8211CompletenessTest {
  @TempDir
  Path dir;

  @Test
  void everyRealCellUpdateAndCatalogueIsComplete() throws Exception {
    List<Path> files = new ArrayList<>(Iso8211ReaderTest.chartFiles());
    files.addAll(CatalogReaderTest.catalogues());
    assertTrue(files.size() > 20, "the shared cells, updates and catalogues: " + files.size());
    for (Path file : files) {
      assertTrue(Iso8211Completeness.isComplete(file), file + " is a whole file");
    }
  }

  @Test
  void anUpdateCutAtAnyByteIsCompleteExactlyWhenItEndsAfterAWholeDataRecord() throws Exception {
    Path update = SharedData.s57().resolve("US1GC09M/US1GC09M.003");
    byte[] whole = Files.readAllBytes(update);
    int complete = 0;
    for (int length = 0; length <= whole.length; length++) {
      Path cut = write("cut.003", Arrays.copyOf(whole, length));
      boolean expected = readsWithDataRecords(cut);
      assertEquals(expected, Iso8211Completeness.isComplete(cut), "the first " + length + " of " + whole.length + " bytes");
      complete += expected ? 1 : 0;
    }
    // The oracle must have said yes at some lengths and no at most of them, or the test shows nothing.
    assertTrue(complete >= 2 && complete < whole.length / 20, complete + " complete lengths");
  }

  @Test
  void aBaseCellCutAtRandomBytesIsNotComplete() throws Exception {
    Path cell = SharedData.s57().resolve("US5WA22M/US5WA22M.000");
    byte[] whole = Files.readAllBytes(cell);
    Random random = new Random(8211);
    for (int i = 0; i < 200; i++) {
      int length = random.nextInt(whole.length);
      Path cut = write("cut.000", Arrays.copyOf(whole, length));
      assertEquals(readsWithDataRecords(cut), Iso8211Completeness.isComplete(cut), "the first " + length + " bytes");
    }
  }

  @Test
  void bytesAfterTheLastRecordMakeAFileIncomplete() throws Exception {
    Path update = SharedData.s57().resolve("US1GC09M/US1GC09M.003");
    Path longer = write("longer.003", Files.readAllBytes(update));
    Files.write(longer, new byte[] {0x1E}, StandardOpenOption.APPEND);

    assertFalse(Iso8211Completeness.isComplete(longer));
    assertFalse(Iso8211Completeness.isComplete(write("empty.000", new byte[0])));
    assertFalse(Iso8211Completeness.isComplete(dir.resolve("missing.000")));
    assertFalse(Iso8211Completeness.isComplete(write("text.000", "00030LDR is not ISO 8211 at all\u001e".getBytes())));
  }

  private Path write(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  private static boolean readsWithDataRecords(Path file) {
    try {
      return !Iso8211Reader.open(file).readAll().isEmpty();
    } catch (S57FormatException e) {
      return false;
    }
  }
}
