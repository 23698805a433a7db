package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.S57Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInPresentationTest {
  private static Presentation builtIn;

  @BeforeAll
  static void load() throws IOException {
    builtIn = BuiltInPresentation.load(StylingData.builtInDir());
  }

  @Test
  void loadsThreePalettesAndFiveTablesEachWithAFallback() {
    assertEquals(List.of("DAY", "DUSK", "NIGHT"), builtIn.colourTables().stream().map(ColourTable::name).toList());
    for (LookupTableName name : LookupTableName.values()) {
      LookupTable table = builtIn.lookupTable(name);
      assertTrue(table.entries().size() > 20, name + ": " + table.entries().size());
      assertTrue(table.fallback().isPresent(), name + " has no ###### entry");
    }
  }

  /** config/s52/colours.csv is the conversion of the PresLib's colour tables, token for token. */
  @Test
  void coloursAreThoseOfThePresLib() throws IOException {
    Presentation dai = PresLibReader.read(StylingData.dai());
    for (Palette palette : Palette.values()) {
      assertEquals(dai.colourTable(palette).colours(), builtIn.colourTable(palette).colours(),
          "config/s52/colours.csv drifted from the PresLib's " + palette + " table");
    }
  }

  /** Every built-in entry is an entry of the PresLib: same table, class, conditions and presentation. */
  @Test
  void everyEntryIsOneOfThePresLib() throws IOException {
    Presentation dai = PresLibReader.read(StylingData.dai());
    List<String> strays = new ArrayList<>();
    for (LookupTable table : builtIn.lookupTables().values()) {
      for (LookupEntry entry : table.entries()) {
        boolean found = dai.lookupTable(table.name()).entries(entry.objectClass()).stream()
            .anyMatch(e -> e.conditions().equals(entry.conditions()) && samePresentation(e, entry));
        if (!found) {
          strays.add(entry.label() + " (" + entry.origin() + ")");
        }
      }
    }
    assertEquals(List.of(), strays);
  }

  static boolean samePresentation(LookupEntry a, LookupEntry b) {
    return a.instructions().equals(b.instructions()) && a.displayPriority() == b.displayPriority()
        && a.radarOverlay() == b.radarOverlay() && a.displayCategory() == b.displayCategory()
        && a.viewingGroup() == b.viewingGroup();
  }

  /**
   * Every object class of the shared charts (NOAA and ECDIS Chart 1) has entries in both tables of
   * each primitive it occurs with. Features without geometry (PRIM 255) have no table: S-52 does
   * not draw them, and they never reach the styling stage.
   */
  @Test
  void coversEveryObjectClassOfTheSharedCharts() {
    Map<String, Set<Integer>> classes = new TreeMap<>();
    for (List<S57Feature> features : StylingData.all().values()) {
      for (S57Feature f : features) {
        classes.computeIfAbsent(f.getObjectClass(), k -> new TreeSet<>()).add(f.getPrimitive());
      }
    }
    TableChoice plainSimplified = new TableChoice(TableChoice.Boundaries.PLAIN, TableChoice.Points.SIMPLIFIED);
    TableChoice symbolizedPaper = TableChoice.defaults();
    List<String> missing = new ArrayList<>();
    Set<String> withoutGeometry = new TreeSet<>();
    classes.forEach((objectClass, primitives) -> {
      for (int primitive : primitives) {
        if (plainSimplified.tableFor(primitive) == null) {
          withoutGeometry.add(objectClass);
          continue;
        }
        for (TableChoice choice : List.of(plainSimplified, symbolizedPaper)) {
          LookupTableName table = choice.tableFor(primitive);
          if (builtIn.lookupTable(table).entries(objectClass).isEmpty()) {
            missing.add(table + " " + objectClass);
          }
        }
      }
    });
    System.out.printf("built-in tables: %d object classes of the shared charts covered, without geometry: %s%n",
        classes.size() - withoutGeometry.size(), withoutGeometry);
    assertEquals(List.of(), missing);
    assertEquals(Set.of("C_AGGR", "C_ASSO"), withoutGeometry);
    assertTrue(classes.size() > 120, "classes of the shared charts: " + classes.size());
  }

  // --- malformed input -------------------------------------------------------------------

  private static final String COLOURS = "# test\ntoken,day,dusk,night\nCHBLK,#000000,#898989,#313131\nCHMGD,#e049d3,#9f74a2,#4d1348\n";
  private static final String LOOKUPS = "# test\nPOINTS | ###### | - | SY(QUESMRK1) | 5 | O | STANDARD | 21010\n"
      + "LINES | COALNE | CATCOA8 | LS(DASH,1,CHBLK) | 7 | O | DISPLAYBASE | 12410\n";

  private static Presentation load(Path dir, String colours, String lookups) throws IOException {
    Files.writeString(dir.resolve(BuiltInPresentation.COLOURS), colours);
    Files.writeString(dir.resolve(BuiltInPresentation.LOOKUPS), lookups);
    return BuiltInPresentation.load(dir);
  }

  @Test
  void shorthandsExpandToBothTables(@TempDir Path dir) throws IOException {
    Presentation small = load(dir, COLOURS, LOOKUPS);
    assertEquals(1, small.lookupTable(LookupTableName.SIMPLIFIED).entries().size());
    assertEquals(1, small.lookupTable(LookupTableName.PAPER_CHART).entries().size());
    LookupEntry coalne = small.lookupTable(LookupTableName.LINES).entries("COALNE").getFirst();
    assertEquals("LINES COALNE CATCOA8", coalne.label());
    assertEquals(BuiltInPresentation.LOOKUPS + ":3", coalne.origin());
    assertTrue(small.lookupTable(LookupTableName.PLAIN_BOUNDARIES).entries().isEmpty());
  }

  @Test
  void malformedLinesNameFileAndLine(@TempDir Path dir) {
    assertMalformed(dir, COLOURS.replace("#898989", "#89898"), LOOKUPS, "colours.csv:3:", "not #rrggbb");
    assertMalformed(dir, COLOURS.replace("token,day,dusk,night", "token,day"), LOOKUPS, "colours.csv:2:", "header");
    assertMalformed(dir, COLOURS + "CHBLK,#000000,#000000,#000000\n", LOOKUPS, "colours.csv:5:", "twice");
    assertMalformed(dir, COLOURS, LOOKUPS.replace("| 7 | O |", "| 7 | X |"), "lookups.psv:3:", "radar");
    assertMalformed(dir, COLOURS, LOOKUPS.replace("LINES | COALNE", "LINEZ | COALNE"), "lookups.psv:3:", "LINEZ");
    assertMalformed(dir, COLOURS, LOOKUPS.replace("| 12410", ""), "lookups.psv:3:", "8 fields");
    assertMalformed(dir, COLOURS, LOOKUPS.replace("| 7 |", "| 12 |"), "lookups.psv:3:", "priority");
    assertMalformed(dir, COLOURS, LOOKUPS.replace("DISPLAYBASE", "BASE"), "lookups.psv:3:", "category");
  }

  private static void assertMalformed(Path dir, String colours, String lookups, String prefix, String detail) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(dir, colours, lookups));
    assertTrue(e.getMessage().startsWith(prefix) && e.getMessage().contains(detail), e.getMessage());
  }
}
