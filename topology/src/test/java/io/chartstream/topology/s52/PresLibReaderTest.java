package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PresLibReader} on the IHO's PresLib 4.0 file, checked against the file's text as this
 * test reads it (plain line and substring operations, independent of the reader's parsing).
 */
class PresLibReaderTest {
  private static final String UNIT = "\u001f";

  private static List<String> lines;
  private static Presentation dai;

  @BeforeAll
  static void read() throws IOException {
    Path file = StylingData.dai();
    lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().map(l -> l.replace("\r", "")).toList();
    dai = PresLibReader.read(file);
  }

  private static long count(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).count();
  }

  @Test
  void readsEveryColourTableAndToken() {
    assertEquals(count("COLS"), dai.colourTables().size());
    assertEquals(count("CCIE"), dai.colourTables().stream().mapToLong(t -> t.colours().size()).sum());
    List<String> names = lines.stream().filter(l -> l.startsWith("COLS"))
        .map(l -> l.substring(19, l.indexOf(UNIT))).toList();
    assertEquals(names, dai.colourTables().stream().map(ColourTable::name).toList());
    assertEquals(List.of("DAY", "DUSK", "NIGHT"), names, "PresLib 4.0 names its palettes so");
  }

  @Test
  void readsEveryLookupEntryIntoItsTable() {
    long all = count("LUPT");
    assertEquals(all, dai.lookupTables().values().stream().mapToLong(t -> t.entries().size()).sum());
    for (LookupTableName name : LookupTableName.values()) {
      long inFile = lines.stream().filter(l -> l.startsWith("LUPT") && l.endsWith(name.name() + UNIT)).count();
      assertEquals(inFile, dai.lookupTable(name).entries().size(), name.name());
      assertTrue(inFile > 100, name + " has " + inFile + " entries");
    }
  }

  /** Every entry against the lines of its record: class, priority, radar, conditions, instructions, category, group. */
  @Test
  void everyEntryMatchesItsRecordInTheFile() {
    int checked = 0;
    for (LookupTable table : dai.lookupTables().values()) {
      for (LookupEntry entry : table.entries()) {
        int line = Integer.parseInt(entry.origin().substring(entry.origin().lastIndexOf(':') + 1));
        Map<String, String> record = record(line);
        String lupt = record.get("LUPT");
        // LU rcid(5) stat(3) class(6) ftyp(1) priority(5) radar(1) table
        assertEquals(lupt.substring(10, 16), entry.objectClass(), entry.origin());
        assertEquals(Integer.parseInt(lupt.substring(17, 22)), entry.displayPriority(), entry.origin());
        assertEquals(lupt.charAt(22) == 'O', entry.radarOverlay(), entry.origin());
        assertEquals(lupt.substring(23, lupt.indexOf(UNIT)), entry.table().name(), entry.origin());
        assertEquals(record.get("ATTC").replace(UNIT, " ").trim(),
            entry.conditions().stream().map(AttributeCondition::toString).collect(Collectors.joining(" ")), entry.origin());
        // A trailing ';' (a few records have one) separates nothing.
        assertEquals(record.get("INST").replace(UNIT, "").replaceAll(";$", ""), String.join(";", entry.instructions()), entry.origin());
        String category = record.get("DISC").replace(UNIT, "").replace(' ', '_');
        assertEquals(category.isEmpty() ? "OTHER" : category, entry.displayCategory().name(), entry.origin());
        String group = record.get("LUCM").replace(UNIT, "");
        assertEquals(group.isEmpty() ? 0 : Integer.parseInt(group), entry.viewingGroup(), entry.origin());
        checked++;
      }
    }
    assertEquals(count("LUPT"), checked);
  }

  @Test
  void knownEntriesOfTheLibrary() {
    LookupEntry unknown = dai.lookupTable(LookupTableName.PAPER_CHART).fallback().orElseThrow();
    assertEquals(List.of("SY(QUESMRK1)"), unknown.instructions());
    LookupEntry depare = dai.lookupTable(LookupTableName.PLAIN_BOUNDARIES).entries("DEPARE").getFirst();
    assertEquals(List.of("CS(DEPARE03)"), depare.instructions());
    assertEquals(DisplayCategory.DISPLAYBASE, depare.displayCategory());
    LookupEntry canRed = dai.lookupTable(LookupTableName.SIMPLIFIED).entries("BOYLAT").stream()
        .filter(e -> e.conditions().stream().map(Object::toString).toList().equals(List.of("BOYSHP2", "COLOUR3,4,3")))
        .findFirst().orElseThrow();
    assertEquals("SY(BOYLAT24)", canRed.instructions().getFirst());
    assertEquals(8, canRed.displayPriority());
    assertEquals(27010, canRed.viewingGroup());
  }

  @Test
  void colourValuesComeFromTheirCcieFields() {
    // NODTA by day: x 0.28, y 0.31, L 40 of the brightest 80 → neutral grey at Y 0.5.
    String ccie = lines.stream().filter(l -> l.startsWith("CCIE") && l.substring(9, 14).equals("NODTA")).findFirst().orElseThrow();
    String[] parts = ccie.substring(14).split(UNIT);
    CieColour nodta = new CieColour(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    assertEquals(new ColourConversion(80).toHex(nodta), dai.colourTable(Palette.DAY).hex("NODTA").orElseThrow());
  }

  /** The fields of the record whose LUPT field is on {@code line} (1-based), by tag. */
  private static Map<String, String> record(int line) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = line - 1; i < lines.size() && !lines.get(i).startsWith("****"); i++) {
      fields.put(lines.get(i).substring(0, 4), lines.get(i).substring(9));
    }
    return fields;
  }

  // --- malformed input -------------------------------------------------------------------

  private static final String GOOD = String.join("\r\n",
      field("0001", "00001"),
      field("COLS", "CS00002NILDAY" + UNIT),
      field("CCIE", "CHBLK0.2800" + UNIT + "0.3100" + UNIT + "80.00" + UNIT + "black" + UNIT),
      "****    0",
      field("0001", "00002"),
      field("COLS", "CS00003NILDUSK" + UNIT),
      field("CCIE", "CHBLK0.2800" + UNIT + "0.3100" + UNIT + "20.00" + UNIT + "black" + UNIT),
      "****    0",
      field("0001", "00003"),
      field("COLS", "CS00004NILNIGHT" + UNIT),
      field("CCIE", "CHBLK0.2800" + UNIT + "0.3100" + UNIT + "2.00" + UNIT + "black" + UNIT),
      "****    0",
      field("0001", "00004"),
      field("LUPT", "LU00005NILCOALNEL00007OLINES" + UNIT),
      field("ATTC", "CATCOA8" + UNIT),
      field("INST", "LS(DASH,1,CHBLK)" + UNIT),
      field("DISC", "DISPLAYBASE" + UNIT),
      field("LUCM", "12410" + UNIT),
      "****    0",
      "");

  /** A field line: tag, the data's length in 5 columns, the data. */
  private static String field(String tag, String data) {
    return String.format("%s%5d%s", tag, data.length(), data);
  }

  private static Presentation parse(String text) {
    return PresLibReader.parse("test.dai", text);
  }

  @Test
  void aSmallWellFormedFileReads() {
    Presentation small = parse(GOOD);
    LookupEntry coalne = small.lookupTable(LookupTableName.LINES).entries("COALNE").getFirst();
    assertEquals("LINES COALNE CATCOA8", coalne.label());
    assertEquals("test.dai:14", coalne.origin());
    // The brightest colour of the file (80, by day) is white; dusk's 20 is a quarter of it.
    assertEquals("#ffffff", small.colourTable(Palette.DAY).hex("CHBLK").orElseThrow());
    assertEquals(new ColourConversion(80).toHex(new CieColour(0.28, 0.31, 20)), small.colourTable(Palette.DUSK).hex("CHBLK").orElseThrow());
  }

  @Test
  void malformedInputNamesFileAndLine() {
    assertMalformed(GOOD.replace("CCIE   31CHBLK0.2800", "CCIE   32CHBLK0.2800"), "test.dai:3:", "declares 32 bytes");
    assertMalformed(GOOD.replace("COALNEL00007OLINES", "COALNEL000x7OLINES"),
        "test.dai:14:", "display priority");
    assertMalformed(GOOD.replace("COALNEL00007OLINES", "COALNEL00007OSINES"), "test.dai:14:", "unknown lookup table");
    assertMalformed(GOOD.replace("COALNEL00007OLINES", "COALNEP00007OLINES"), "test.dai:14:", "does not belong");
    assertMalformed(GOOD.replace("0.3100" + UNIT + "2.00", "0.3100" + UNIT + "2.0x"), "test.dai:11:", "not a number");
    assertMalformed(GOOD.replace("LS(DASH,1,CHBLK)", "LS DASH,1,CHBLK)"), "test.dai:16:", "not a symbology instruction");
    assertMalformed(field("CCIE", "oops") + "\r\n", "test.dai:1:", "outside a record");
    assertMalformed(GOOD.substring(0, GOOD.lastIndexOf("****")), "test.dai:13:", "not ended");
    assertMalformed(GOOD.replace("NILNIGHT", "NILNOGHT"), "test.dai:10:", "NOGHT");
  }

  /** A file with one symbol record after the rest (its fields from line 21 on). */
  private static String withSymbol(String symd, String scrf, String svct) {
    return GOOD + String.join("\r\n",
        field("0001", "00005"),
        field("SYMB", "SY00006NIL"),
        field("SYMD", symd),
        field("SXPO", "a test symbol" + UNIT),
        field("SCRF", scrf),
        field("SVCT", svct + UNIT),
        "****    0",
        "");
  }

  private static final String SYMD = "TESTSY01V012670105200402005030106100789";

  @Test
  void symbolsAreReadWithTheirPivotBoxColoursAndVectors() {
    var symbol = parse(withSymbol(SYMD, "ACHBLK", "SPA;SW1;PU1264,789;PD1264,1291;")).symbols().symbol("TESTSY01").orElseThrow();
    assertEquals(1267, symbol.pivotColumn());
    assertEquals(1052, symbol.pivotRow());
    assertEquals(new io.chartstream.s52.SymbolBox(1061, 789, 402, 503), symbol.box());
    assertEquals(Map.of('A', "CHBLK"), symbol.colours());
    assertEquals("SPA;SW1;PU1264,789;PD1264,1291;", symbol.vectors());
    assertEquals("a test symbol", symbol.description());
  }

  @Test
  void malformedSymbolsNameFileAndLine() {
    assertMalformed(withSymbol(SYMD.substring(0, 30), "ACHBLK", "SPA;PU1,1;"), "test.dai:22:", "needs 39 characters");
    assertMalformed(withSymbol(SYMD.replace("01V0", "01R0"), "ACHBLK", "SPA;PU1,1;"), "test.dai:22:", "raster");
    assertMalformed(withSymbol(SYMD, "ACHBLK", "SPA;XX1,1;"), "test.dai", "XX1,1");
    assertMalformed(withSymbol(SYMD, "ACHBLK", "SPB;PU1,1;"), "test.dai", "pen B");
    assertMalformed(withSymbol(SYMD, "ACHBLK", "SPA;PU1,1;SCNOSUCH1,2;"), "test.dai", "NOSUCH1");
    assertMalformed(withSymbol(SYMD, "ACHBL", "SPA;PU1,1;"), "test.dai:24:", "letter + five-character");
  }

  @Test
  void aMissingPaletteIsNamed() {
    String noNight = GOOD.replace("   16CS00004NILNIGHT", "   16CS00004NILDAY_X");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(noNight));
    assertTrue(e.getMessage().contains("test.dai") && e.getMessage().contains("NIGHT"), e.getMessage());
  }

  @Test
  void readsFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("small.dai");
    Files.writeString(file, GOOD.replace("CCIE   31CHBLK0.2800", "CCIE   32CHBLK0.2800"), StandardCharsets.ISO_8859_1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PresLibReader.read(file));
    assertTrue(e.getMessage().startsWith("small.dai:3:"), e.getMessage());
  }

  private static void assertMalformed(String text, String prefix, String detail) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text));
    assertTrue(e.getMessage().startsWith(prefix) && e.getMessage().contains(detail), e.getMessage());
  }
}
