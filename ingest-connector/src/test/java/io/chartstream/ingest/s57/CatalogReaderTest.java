package io.chartstream.ingest.s57;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CatalogReader} on the real exchange sets, checked against what others wrote: the files
 * beside each catalogue (their CRC-32), GDAL's reading of each cell's coverage, and the raw bytes;
 * and on broken copies, each of which must fail with a coded {@link S57FormatException}.
 */
class CatalogReaderTest {
  private static final double TOLERANCE_DEGREES = 1e-6;
  // Both sides are decimal text made binary: a gap of exactly 1e-6 can come out a few ulps larger.
  private static final double ROUNDING = 1e-9;
  private static final Pattern EXTENT =
      Pattern.compile("Extent: \\(([-0-9.]+), ([-0-9.]+)\\) - \\(([-0-9.]+), ([-0-9.]+)\\)");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> crcOfEveryListedFileMatchesItsBytes() {
    return perCatalogue(catalog -> {
      int checked = 0;
      for (CatalogEntry entry : CatalogReader.read(catalog)) {
        assertTrue(entry.crc().isBlank() || entry.crcValue().isPresent(), "CRCS not hex: " + entry);
        Path file = beside(catalog, entry);
        if (Files.isRegularFile(file) && entry.crcValue().isPresent()) {
          CRC32 crc = new CRC32();
          crc.update(Files.readAllBytes(file));
          assertEquals(crc.getValue(), entry.crcValue().getAsLong(), file + " against CRCS " + entry.crc());
          checked++;
        }
      }
      assertTrue(checked > 0, "no entry of " + catalog + " has both a CRC and its file");
    });
  }

  @TestFactory
  Stream<DynamicTest> everyListedFileLiesBesideTheCatalogue() {
    return perCatalogue(catalog -> {
      for (CatalogEntry entry : CatalogReader.read(catalog)) {
        assertTrue(Files.isRegularFile(beside(catalog, entry)), entry.file() + " listed in " + catalog);
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> entryCountEqualsCatdOccurrencesInTheRawBytes() {
    return perCatalogue(catalog -> {
      byte[] raw = Files.readAllBytes(catalog);
      // The DDR (its length is the first five digits) names CATD twice; every data record names
      // it once, in its directory. No file name or comment here contains "CATD".
      int ddrLength = Integer.parseInt(new String(raw, 0, 5, US_ASCII));
      assertEquals(occurrences(raw, ddrLength, "CATD"), CatalogReader.read(catalog).size());
    });
  }

  @TestFactory
  Stream<DynamicTest> boundingBoxOfEveryCellHoldsItsCoverageAsGdalReadsIt() {
    // The NOAA catalogues only: the IHO's synthetic ECDIS Chart 1 cells carry no M_COVR at all.
    return perCatalogue(catalog -> !catalog.startsWith(SharedData.s52()), catalog -> {
      int checked = 0;
      List<String> withoutCoverage = new ArrayList<>();
      for (CatalogEntry entry : CatalogReader.read(catalog)) {
        if (!entry.isCell() || !entry.hasBoundingBox()) {
          continue;
        }
        Optional<double[]> extent = coverageExtent(beside(catalog, entry));
        if (extent.isEmpty()) {
          withoutCoverage.add(entry.fileName());
          continue;
        }
        double[] e = extent.get();
        double slack = TOLERANCE_DEGREES + ROUNDING;
        String what = entry.fileName() + " box " + entry + " against M_COVR extent " + List.of(e[0], e[1], e[2], e[3]);
        assertTrue(entry.westLongitude() <= e[0] + slack && entry.southLatitude() <= e[1] + slack, what);
        assertTrue(entry.eastLongitude() >= e[2] - slack && entry.northLatitude() >= e[3] - slack, what);
        checked++;
      }
      assertTrue(checked > 0, "no cell of " + catalog + " has an M_COVR layer for GDAL: " + withoutCoverage);
    });
  }

  @Test
  void readsTheEntriesOfANoaaCatalogueAsWritten() throws Exception {
    List<CatalogEntry> entries = CatalogReader.read(SharedData.s57().resolve("exchange-sets/US5HA57M/CATALOG.031"));
    assertEquals(5, entries.size());
    CatalogEntry catalog = entries.getFirst();
    assertEquals("CATALOG.031", catalog.file());
    assertEquals("ASC", catalog.implementation());
    assertFalse(catalog.isCell() || catalog.hasBoundingBox() || catalog.crcValue().isPresent());
    CatalogEntry text = entries.get(1);
    assertEquals("US5HA57M\\US5HA57A.TXT", text.file());
    assertEquals(OptionalLong.of(0x0560AAE2L), text.crcValue()); // written 560AAE2, no leading zero
    assertNull(text.southLatitude());
    CatalogEntry cell = entries.get(2);
    assertEquals("US5HA57M.000", cell.fileName());
    assertTrue(cell.isCell() && cell.hasBoundingBox());
    assertEquals("V01X01", cell.volume());
    assertEquals(List.of(21.400607, -157.857039, 21.548321, -157.745774),
        List.of(cell.southLatitude(), cell.westLongitude(), cell.northLatitude(), cell.eastLongitude()));
    assertEquals("DF94B732", cell.crc());
    assertTrue(cell.longFile().endsWith("Bay"), cell.longFile());
  }

  @Test
  void entryHelpersFollowTheirContract() {
    CatalogEntry update = new CatalogEntry("ENC_ROOT/US5WA22M/US5WA22M.004", null, null, "BIN",
        null, null, null, null, "01a99e19", null);
    assertEquals("US5WA22M.004", update.fileName());
    assertTrue(update.isCell());
    assertFalse(update.hasBoundingBox());
    assertEquals(OptionalLong.of(0x1A99E19L), update.crcValue());
    CatalogEntry text = new CatalogEntry("A\\B.TXT", "", "", "TXT", 1.0, 2.0, 3.0, 4.0, "not hex", "");
    assertFalse(text.isCell());
    assertTrue(text.hasBoundingBox());
    assertEquals(OptionalLong.empty(), text.crcValue());
    assertFalse(new CatalogEntry("X.00A", "", "", "BIN", null, null, null, null, "", "").isCell());
  }

  @Test
  void emptyFileFails() throws Exception {
    assertFails(Files.write(tmp.resolve("CATALOG.031"), new byte[0]), "empty_file");
  }

  @Test
  void tenRandomBytesFail() throws Exception {
    byte[] noise = new byte[10];
    new Random(8211).nextBytes(noise);
    assertFails(Files.write(tmp.resolve("CATALOG.031"), noise), "truncated_leader");
  }

  @Test
  void everyCutThatIsNotARecordBoundaryFails() throws Exception {
    byte[] whole = Files.readAllBytes(SharedData.s57().resolve("exchange-sets/US5HA57M/CATALOG.031"));
    TreeSet<Integer> boundaries = new TreeSet<>();
    for (int at = 0; at < whole.length; at += Integer.parseInt(new String(whole, at, 5, US_ASCII))) {
      boundaries.add(at);
    }
    Path cut = tmp.resolve("CATALOG.031");
    for (int length = 1; length < whole.length; length++) {
      Files.write(cut, Arrays.copyOf(whole, length));
      if (boundaries.contains(length)) {
        // A cut between records leaves a shorter, valid catalogue: one entry per whole record.
        assertEquals(boundaries.headSet(length).size() - 1, CatalogReader.read(cut).size(), "cut at " + length);
      } else {
        boolean inLeader = length - boundaries.floor(length) < 24;
        assertFails(cut, inLeader ? "truncated_leader" : "truncated_record");
      }
    }
  }

  @Test
  void corruptLeadersAndDirectoriesFail() throws Exception {
    byte[] whole = Files.readAllBytes(SharedData.s57().resolve("exchange-sets/US5HA57M/CATALOG.031"));
    int ddr = Integer.parseInt(new String(whole, 0, 5, US_ASCII));
    assertFails(corrupted(whole, 6, "X"), "bad_leader"); // DDR leader identifier is not L
    assertFails(corrupted(whole, 0, "0O2"), "bad_leader"); // record length not digits
    assertFails(corrupted(whole, 20, "0"), "bad_leader"); // entry map size 0
    assertFails(corrupted(whole, ddr + 6, "Q"), "bad_leader"); // DR leader identifier
    assertFails(corrupted(whole, ddr + 28, "x"), "bad_directory"); // DR field length not digits
    assertFails(corrupted(whole, ddr + 52, "?"), "bad_directory"); // DR directory terminator
  }

  @Test
  void aCoordinateThatIsNotANumberFails() throws Exception {
    byte[] whole = Files.readAllBytes(SharedData.s57().resolve("exchange-sets/US5HA57M/CATALOG.031"));
    int at = new String(whole, US_ASCII).indexOf("21.400607");
    assertFails(corrupted(whole, at + 3, "x"), "bad_coordinate");
  }

  @Test
  void aCellIsNotACatalogue() throws Exception {
    assertFails(SharedData.s57().resolve("exchange-sets/US5HA57M/US5HA57M/US5HA57M.000"), "not_a_catalog");
  }

  @Test
  void aMissingFileFails() {
    assertFails(tmp.resolve("no-such/CATALOG.031"), "unreadable_file");
  }

  static List<Path> catalogues() {
    List<Path> found = new ArrayList<>();
    Path sets = SharedData.s57().resolve("exchange-sets");
    try (Stream<Path> dirs = Files.list(sets)) {
      dirs.map(d -> d.resolve("CATALOG.031")).filter(Files::isRegularFile).sorted().forEach(found::add);
    } catch (IOException e) {
      fail("cannot list " + sets, e);
    }
    Path ecdis = SharedData.s57().resolveSibling("s52").resolve("ECDIS_Chart_1/ENC_ROOT/CATALOG.031");
    if (Files.isRegularFile(ecdis)) {
      found.add(ecdis);
    }
    assertFalse(found.isEmpty(), "no */CATALOG.031 under " + sets);
    return found;
  }

  private static Stream<DynamicTest> perCatalogue(ThrowingConsumer<Path> check) {
    return perCatalogue(catalog -> true, check);
  }

  private static Stream<DynamicTest> perCatalogue(java.util.function.Predicate<Path> which, ThrowingConsumer<Path> check) {
    return catalogues().stream().filter(which).map(catalog -> DynamicTest.dynamicTest(
        catalog.getParent().getFileName().toString(), () -> check.accept(catalog)));
  }

  private static Path beside(Path catalog, CatalogEntry entry) {
    return catalog.resolveSibling(entry.file().replace('\\', '/'));
  }

  private static int occurrences(byte[] raw, int from, String text) {
    String haystack = new String(raw, from, raw.length - from, US_ASCII);
    int count = 0;
    for (int at = haystack.indexOf(text); at >= 0; at = haystack.indexOf(text, at + 1)) {
      count++;
    }
    return count;
  }

  /** The extent of the cell's M_COVR layer as {@code ogrinfo} prints it, or empty if it has none. */
  private static Optional<double[]> coverageExtent(Path cell) throws Exception {
    Path ogrinfo = Path.of("/usr/bin/ogrinfo");
    Process process;
    try {
      process = new ProcessBuilder(Files.isExecutable(ogrinfo) ? ogrinfo.toString() : "ogrinfo",
          "-ro", "-so", "-al", cell.toString(), "M_COVR").redirectErrorStream(true).start();
    } catch (IOException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("GDAL's ogrinfo cannot be run: " + e);
      }
      return Assumptions.abort("GDAL's ogrinfo cannot be run: " + e);
    }
    String output = new String(process.getInputStream().readAllBytes(), US_ASCII);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ogrinfo still running on " + cell);
    Matcher m = EXTENT.matcher(output);
    if (m.find()) {
      return Optional.of(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
          Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
    }
    assertTrue(output.contains("Couldn't fetch requested layer M_COVR"), "ogrinfo on " + cell + ":\n" + output);
    return Optional.empty();
  }

  private Path corrupted(byte[] whole, int at, String replacement) throws IOException {
    byte[] copy = whole.clone();
    System.arraycopy(replacement.getBytes(US_ASCII), 0, copy, at, replacement.length());
    return Files.write(tmp.resolve("corrupt-" + at + ".031"), copy);
  }

  private static void assertFails(Path file, String code) {
    S57FormatException e = assertThrows(S57FormatException.class, () -> CatalogReader.read(file), file.toString());
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertEquals(file, e.file());
  }
}
