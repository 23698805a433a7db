package io.chartstream.ingest.s57;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Iso8211Reader} on real catalogues and cells, checked against what their producers wrote
 * (record numbers, the data set's own record counts in DSSI, file names in DSID); on small files
 * built here for the encodings the real data lacks; and on corrupt input, which must end in an
 * {@link S57FormatException} every time, and in time.
 */
class Iso8211ReaderTest {
  private static final String UT = "\u001f";
  private static final String FT = "\u001e";
  private static final Path SYNTHETIC = Path.of("synthetic.000");
  /** Bytes that mean something to the format, so that mutations reach past the first check. */
  private static final String SIGNIFICANT = "0123456789\u001e\u001f LDR(),!*AIBb";

  @Test
  void catalogueDdrDescribesCatdAndRecordsAreNumberedInOrder() throws Exception {
    for (Path catalog : CatalogReaderTest.catalogues()) {
      Iso8211Reader reader = Iso8211Reader.open(catalog);
      Iso8211Reader.FieldDefinition catd = reader.fieldDefinitions().get("CATD");
      assertEquals(
          List.of("RCNM", "RCID", "FILE", "LFIL", "VOLM", "IMPL", "SLAT", "WLON", "NLAT", "ELON", "CRCS", "COMT"),
          catd.subfieldNames(), catalog.toString());
      assertEquals("(A(2),I(10),3A,A(3),4R,2A)", catd.formatControls());
      assertFalse(catd.repeating());
      assertEquals(List.of("0001"), reader.fieldDefinitions().get("0001").subfieldNames());
      List<Iso8211Reader.DataRecord> records = reader.readAll();
      for (int i = 0; i < records.size(); i++) {
        Iso8211Reader.Field field = records.get(i).field("CATD").orElseThrow();
        assertEquals("CD", field.value("RCNM"));
        assertEquals(i + 1, Integer.parseInt(field.value("RCID")), catalog + " record " + i);
      }
    }
  }

  @Test
  void everyBaseCellHasTheRecordsItsDssiCounts() throws Exception {
    List<Path> cells = chartFiles().stream().filter(p -> p.toString().endsWith(".000")).toList();
    assertFalse(cells.isEmpty());
    for (Path cell : cells) {
      List<Iso8211Reader.DataRecord> records = Iso8211Reader.open(cell).readAll();
      Iso8211Reader.DataRecord first = records.getFirst();
      assertEquals(cell.getFileName().toString(), first.field("DSID").orElseThrow().value("DSNM"));
      Iso8211Reader.Field dssi = first.field("DSSI").orElseThrow();
      long features = records.stream().filter(r -> r.field("FRID").isPresent()).count();
      long vectors = records.stream().filter(r -> r.field("VRID").isPresent()).count();
      assertEquals(sum(dssi, "NOMR", "NOCR", "NOGR", "NOLR"), features, cell + " feature records");
      assertEquals(sum(dssi, "NOIN", "NOCN", "NOED", "NOFA"), vectors, cell + " vector records");
    }
  }

  @Test
  void everyUpdateReadsToTheEndAndCarriesItsNumber() throws Exception {
    List<Path> updates = chartFiles().stream().filter(p -> !p.toString().endsWith(".000")).toList();
    assertFalse(updates.isEmpty());
    for (Path update : updates) {
      List<Iso8211Reader.DataRecord> records = Iso8211Reader.open(update).readAll();
      String name = update.getFileName().toString();
      int number = Integer.parseInt(name.substring(name.length() - 3));
      assertEquals(number, Integer.parseInt(records.getFirst().field("DSID").orElseThrow().value("UPDN")), name);
    }
  }

  @Test
  void decodesRepeatingGroupsBinaryNumbersBitStringsAndUcs2() throws Exception {
    byte[] ddr = record('L', List.of("0000", "0001", "TXTF", "BITS", "NATF"), List.of(
        bytes("0000;&   synthetic" + FT),
        bytes("0100;&   Record identifier" + UT + UT + "(b12)" + FT),
        description("*ATTL!ATVL", "(b12,A)"),
        description("NAME!SIGN!FLOT!CODE", "(B(40),b24,b48,A(3))"),
        description("*ATTL!ATVL", "(b12,A)")));
    byte[] dr = record('D', List.of("0001", "TXTF", "BITS", "NATF"), List.of(
        bytes(new byte[] {1, 2}, FT),
        bytes(new byte[] {116, 0}, "Lahaina" + UT, new byte[] {117, 0}, "Maui" + UT + FT),
        bytes(new byte[] {1, 2, 3, 4, 5, -2, -1, -1, -1, 0, 0, 0, 0, 0, 0, -8, 63}, "abc" + FT),
        bytes(new byte[] {116, 0}, "Kāneʻohe".getBytes(UTF_16LE), new byte[] {0x1f, 0, 0x1e, 0})));
    Iso8211Reader reader = Iso8211Reader.fromBytes(SYNTHETIC, bytes(ddr, dr));
    Iso8211Reader.DataRecord record = reader.next();
    assertFalse(reader.hasNext());
    assertEquals("513", record.field("0001").orElseThrow().value("0001"));
    assertEquals(List.of(Map.of("ATTL", "116", "ATVL", "Lahaina"), Map.of("ATTL", "117", "ATVL", "Maui")),
        record.field("TXTF").orElseThrow().groups());
    assertEquals(Map.of("NAME", "0102030405", "SIGN", "-2", "FLOT", "1.5", "CODE", "abc"),
        record.field("BITS").orElseThrow().groups().getFirst());
    assertEquals(List.of(Map.of("ATTL", "116", "ATVL", "Kāneʻohe")), record.field("NATF").orElseThrow().groups());
  }

  @Test
  void eachFieldAndRecordSaysWhereItsBytesAre() throws Exception {
    byte[] ddr = record('L', List.of("0001", "TEXT"), List.of(
        bytes("0100;&   Record identifier" + UT + UT + "(b12)" + FT), description("*CODE", "(A(2))")));
    byte[] first = record('D', List.of("0001", "TEXT"), List.of(bytes(new byte[] {1, 0}, FT), bytes("abcdef" + FT)));
    byte[] second = record('D', List.of("0001", "TEXT"), List.of(bytes(new byte[] {2, 0}, FT), bytes("gh" + FT)));
    byte[] file = bytes(ddr, first, second);
    Iso8211Reader reader = Iso8211Reader.fromBytes(SYNTHETIC, file);
    assertEquals(List.of(new Iso8211Reader.SubfieldFormat('A', 2, 0)), reader.subfieldFormats("TEXT"));
    assertEquals(List.of(), reader.subfieldFormats("NONE"));
    reader.next();
    Iso8211Reader.DataRecord record = reader.next();
    assertEquals(ddr.length + first.length, record.offset());
    assertEquals(second.length, record.length());
    Iso8211Reader.Field text = record.field("TEXT").orElseThrow();
    assertEquals("gh" + FT, new String(file, text.start(), text.length(), ISO_8859_1));
    assertEquals(List.of(Map.of("CODE", "gh")), text.groups());
  }

  @Test
  void aLeaderRIsReusedByTheRecordsAfterIt() throws Exception {
    byte[] ddr = record('L', List.of("TEXT"), List.of(description("NAME", "(A(4))")));
    byte[] first = record('R', List.of("TEXT"), List.of(bytes("abcd" + FT)));
    byte[] file = bytes(ddr, first, "efgh" + FT + "ijkl" + FT);
    List<String> names = new ArrayList<>();
    for (Iso8211Reader.DataRecord r : Iso8211Reader.fromBytes(SYNTHETIC, file).readAll()) {
      names.add(r.field("TEXT").orElseThrow().value("NAME"));
    }
    assertEquals(List.of("abcd", "efgh", "ijkl"), names);
    assertFails(bytes(file, "mn"), "truncated_record");
  }

  @Test
  void unreadableFormatControlsFail() {
    for (String[] bad : new String[][] {
        {"A!B", "(A(2),Q)"}, {"A", "(A(0))"}, {"A!B", "(A)"}, {"A", "(9999(9999(A)))"},
        {"A", "((((((((((A))))))))))"}, {"A", "(b43)"}, {"A", "(B(12))"}, {"A", "(A"}, {"A", "A(2)"}}) {
      byte[] ddr = record('L', List.of("TEXT"), List.of(description(bad[0], bad[1])));
      assertFails(ddr, "bad_format_controls");
    }
  }

  @Test
  void aFieldTheDdrDoesNotDescribeFails() {
    byte[] ddr = record('L', List.of("TEXT"), List.of(description("NAME", "(A)")));
    assertFails(bytes(ddr, record('D', List.of("ZZZZ"), List.of(bytes("x" + FT)))), "undefined_field");
  }

  @Test
  void corruptedFilesAlwaysEndInAFormatExceptionAndInTime() throws Exception {
    Random random = new Random(8211);
    List<byte[]> originals = new ArrayList<>();
    for (Path catalog : CatalogReaderTest.catalogues()) {
      originals.add(Files.readAllBytes(catalog));
    }
    originals.add(Arrays.copyOf(Files.readAllBytes(SharedData.s57().resolve("US1BS01M/US1BS01M.000")), 20_000));
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 3000; i++) {
        byte[] input = i % 10 == 0 ? noise(random) : mutate(originals.get(random.nextInt(originals.size())), random);
        try {
          Iso8211Reader.fromBytes(SYNTHETIC, input).readAll();
        } catch (S57FormatException expected) {
          assertTrue(expected.getMessage().contains(SYNTHETIC.toString()), expected.getMessage());
        } catch (RuntimeException e) {
          fail("input " + i + " (" + Arrays.toString(Arrays.copyOf(input, Math.min(64, input.length))) + "…)", e);
        }
      }
    });
  }

  /** Every S-57 cell and update under shared/s57 and the ECDIS Chart 1 set. */
  static List<Path> chartFiles() throws Exception {
    List<Path> roots = new ArrayList<>(List.of(SharedData.s57()));
    Path ecdis = SharedData.s57().resolveSibling("s52").resolve("ECDIS_Chart_1");
    if (Files.isDirectory(ecdis)) {
      roots.add(ecdis);
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.getFileName().toString().matches("(?!CATALOG).*\\.[0-9]{3}")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  private static long sum(Iso8211Reader.Field field, String... subfields) {
    return Stream.of(subfields).mapToLong(s -> Long.parseLong(field.value(s))).sum();
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] copy = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> copy[random.nextInt(copy.length)] = (byte) SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length()));
      case 2 -> copy = Arrays.copyOf(copy, random.nextInt(copy.length));
      default -> {
        int at = random.nextInt(copy.length);
        byte[] shifted = new byte[copy.length - 1];
        System.arraycopy(copy, 0, shifted, 0, at);
        System.arraycopy(copy, at + 1, shifted, at, copy.length - at - 1);
        copy = shifted;
      }
    }
    return copy;
  }

  private static byte[] noise(Random random) {
    byte[] noise = new byte[random.nextInt(400)];
    random.nextBytes(noise);
    return noise;
  }

  private static void assertFails(byte[] input, String code) {
    S57FormatException e = assertThrows(S57FormatException.class,
        () -> Iso8211Reader.fromBytes(SYNTHETIC, input).readAll());
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(SYNTHETIC.toString()), e.getMessage());
  }

  /** A DDR field description with the field controls of a vector field. */
  private static byte[] description(String descriptor, String formats) {
    return bytes("1600;&   Test field" + UT + descriptor + UT + formats + FT);
  }

  /** A record with entry map 3404: 3-digit lengths, 4-digit positions, 4-character tags. */
  private static byte[] record(char id, List<String> tags, List<byte[]> fields) {
    ByteArrayOutputStream directory = new ByteArrayOutputStream();
    ByteArrayOutputStream area = new ByteArrayOutputStream();
    for (int i = 0; i < tags.size(); i++) {
      directory.writeBytes("%s%03d%04d".formatted(tags.get(i), fields.get(i).length, area.size()).getBytes(US_ASCII));
      area.writeBytes(fields.get(i));
    }
    directory.write(0x1e);
    int base = 24 + directory.size();
    boolean ddr = id == 'L';
    String leader = "%05d%s%c%s %s%05d ! 3404".formatted(base + area.size(), ddr ? "3" : " ", id, ddr ? "E1" : "  ",
        ddr ? "09" : "  ", base);
    return bytes(leader, directory.toByteArray(), area.toByteArray());
  }

  /** Strings (as ISO 8859-1) and byte arrays, one after another. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(part instanceof byte[] b ? b : ((String) part).getBytes(ISO_8859_1));
    }
    return out.toByteArray();
  }
}
