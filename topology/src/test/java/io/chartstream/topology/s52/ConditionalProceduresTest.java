package io.chartstream.topology.s52;

import static io.chartstream.topology.s52.ProcedureAttributesTest.codes;
import static io.chartstream.topology.s52.ProcedureAttributesTest.feature;
import static io.chartstream.topology.s52.ProcedureAttributesTest.pointZ;
import static io.chartstream.topology.s52.ProcedureAttributesTest.withGeometry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.S57Feature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry, checked against the real PresLib 4.0 lookup tables and symbol library (read in place). */
class ConditionalProceduresTest {
  /** The procedures this library implements, as lookup tables name them without version. */
  private static final Set<String> IMPLEMENTED = Set.of(
      "DEPARE", "DEPCNT", "LIGHTS", "OBSTRN", "UWTROC", "WRECKS", "SOUNDG", "RESARE", "RESTRN", "SLCONS", "TOPMAR", "QUAPOS");
  private static final Pattern CS = Pattern.compile("CS\\(([A-Z0-9]+)\\)");
  private static final Pattern INSTRUCTION = Pattern.compile("([A-Z]{2})\\((.*)\\)");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DEPARE03", "DEPARE02", "DEPARE01", "DEPARE", "depare03", "CS(DEPARE03)", " DEPARE03 "})
  void byNameIgnoresVersionCaseAndTheCsWrapper(String name) {
    Optional<ConditionalProcedure> procedure = ConditionalProcedures.byName(name);
    assertTrue(procedure.isPresent(), name);
    assertEquals("DEPARE", procedure.get().name());
    assertSame(ConditionalProcedures.byName("DEPARE").orElseThrow(), procedure.get(), "one shared instance");
  }

  @Test
  void earlierEditionsNamesFindTheSameProcedures() {
    assertEquals("OBSTRN", ConditionalProcedures.byName("OBSTRN04").orElseThrow().name());
    assertEquals("LIGHTS", ConditionalProcedures.byName("LIGHTS05").orElseThrow().name());
    assertEquals("WRECKS", ConditionalProcedures.byName("WRECKS02").orElseThrow().name());
    assertEquals("UWTROC", ConditionalProcedures.byName("UWTROC04").orElseThrow().name());
    assertEquals("QUAPOS", ConditionalProcedures.byName("QUAPOS01").orElseThrow().name());
  }

  @Test
  void unknownAndUnimplementedNamesAreEmpty() {
    for (String name : new String[] {null, "", "  ", "SYMINS02", "CLRLIN01", "SNDFRM04", "DEPARE03X", "CS(", "03"}) {
      assertEquals(Optional.empty(), ConditionalProcedures.byName(name), String.valueOf(name));
    }
  }

  @Test
  void allHoldsEachProcedureOnceUnderItsName() {
    List<ConditionalProcedure> all = ConditionalProcedures.all();
    assertEquals(IMPLEMENTED, all.stream().map(ConditionalProcedure::name).collect(Collectors.toSet()));
    assertEquals(IMPLEMENTED.size(), all.size());
    for (ConditionalProcedure procedure : all) {
      assertSame(procedure, ConditionalProcedures.byName(procedure.name()).orElseThrow());
      assertTrue(procedure.name().matches("[A-Z]{6}"), procedure.name());
    }
  }

  /** Every CS(…) of the PresLib 4.0 lookup tables whose procedure is in this library's list is found by byName. */
  @Test
  void findsEveryImplementedProcedureTheLookupTablesName() throws IOException {
    String dai = Files.readString(presLib(), StandardCharsets.ISO_8859_1);
    Set<String> named = new TreeSet<>();
    Matcher matcher = CS.matcher(dai);
    while (matcher.find()) {
      named.add(matcher.group(1));
    }
    Set<String> implemented = named.stream()
        .filter(name -> IMPLEMENTED.contains(name.replaceAll("[0-9]+$", "")))
        .collect(Collectors.toCollection(TreeSet::new));
    // DEPARE03, DEPCNT03, LIGHTS06, OBSTRN07, QUAPOS01, RESARE04, RESTRN01, SLCONS04, SOUNDG03, TOPMAR01, WRECKS05
    assertTrue(implemented.size() >= 11, "the tables name the procedures of the list: " + named);
    List<String> missing = implemented.stream().filter(name -> ConditionalProcedures.byName(name).isEmpty()).toList();
    assertEquals(List.of(), missing);
  }

  /** Every symbol, line style, pattern and colour any procedure emits exists in the PresLib 4.0 library. */
  @Test
  void emitsOnlyNamesThePresentationLibraryHolds() throws IOException {
    List<String> records = Files.readAllLines(presLib(), StandardCharsets.ISO_8859_1);
    Set<String> symbols = names(records, "SYMD", 8);
    Set<String> lines = names(records, "LIND", 8);
    Set<String> patterns = names(records, "PATD", 8);
    Set<String> colours = names(records, "CCIE", 5);
    Set<String> unknown = new TreeSet<>();
    int emitted = 0;
    for (MarinerSettings settings : settingsToTry()) {
      for (ConditionalProcedure procedure : ConditionalProcedures.all()) {
        for (S57Feature feature : featuresToTry(procedure.name())) {
          for (String instruction : procedure.instructions(feature, settings)) {
            emitted++;
            check(instruction, symbols, lines, patterns, colours, unknown);
          }
        }
      }
    }
    assertTrue(emitted > 1000, "tried " + emitted);
    assertEquals(Set.of(), unknown);
  }

  /**
   * End to end on the IHO "ECDIS Chart 1" cells, which show every procedure of the library: each
   * feature of a class whose lookup entries call a procedure, read through GDAL as the ingest
   * reads it, gets instructions without failing, and they name only what the library holds.
   */
  @Test
  @Tag("slow")
  void symbolizesTheEcdisChart1Cells() throws Exception {
    Map<String, String> procedureOf = Map.ofEntries(
        Map.entry("DEPARE", "DEPARE"), Map.entry("DRGARE", "DEPARE"), Map.entry("DEPCNT", "DEPCNT"),
        Map.entry("LIGHTS", "LIGHTS"), Map.entry("OBSTRN", "OBSTRN"), Map.entry("UWTROC", "UWTROC"),
        Map.entry("WRECKS", "WRECKS"), Map.entry("SOUNDG", "SOUNDG"), Map.entry("RESARE", "RESARE"),
        Map.entry("SLCONS", "SLCONS"), Map.entry("TOPMAR", "TOPMAR"), Map.entry("LNDARE", "QUAPOS"),
        Map.entry("COALNE", "QUAPOS"), Map.entry("ACHARE", "RESTRN"), Map.entry("CBLARE", "RESTRN"),
        Map.entry("PIPARE", "RESTRN"), Map.entry("FAIRWY", "RESTRN"), Map.entry("MARCUL", "RESTRN"));
    List<String> records = Files.readAllLines(presLib(), StandardCharsets.ISO_8859_1);
    Set<String> symbols = names(records, "SYMD", 8);
    Set<String> lines = names(records, "LIND", 8);
    Set<String> patterns = names(records, "PATD", 8);
    Set<String> colours = names(records, "CCIE", 5);
    Set<String> unknown = new TreeSet<>();
    Set<String> exercised = new TreeSet<>();
    List<CellFiles> cells = new InputScanner(SharedData.s52().resolve("ECDIS_Chart_1"), 0).scan().cells();
    assertTrue(cells.size() >= 10, "ECDIS Chart 1 cells: " + cells.size());
    for (CellFiles cell : cells) {
      for (S57Feature feature : ChartReader.read(cell).features()) {
        List<String> names = new ArrayList<>();
        Optional.ofNullable(procedureOf.get(feature.getObjectClass())).ifPresent(names::add);
        // Chart 1 gives RESTRN to RESARE only; RESTRN01 reads nothing else, so try it there too.
        if (!ProcedureAttributes.list(feature, "RESTRN").isEmpty()) {
          names.add("RESTRN");
        }
        for (String name : names) {
          List<String> instructions = ConditionalProcedures.byName(name).orElseThrow()
              .instructions(feature, MarinerSettings.defaults());
          if (!instructions.isEmpty()) {
            exercised.add(name);
          }
          instructions.forEach(i -> check(i, symbols, lines, patterns, colours, unknown));
        }
      }
    }
    assertEquals(Set.of(), unknown);
    assertEquals(IMPLEMENTED, exercised, "every procedure drew something on Chart 1");
  }

  private static void check(String instruction, Set<String> symbols, Set<String> lines, Set<String> patterns,
                            Set<String> colours, Set<String> unknown) {
    Matcher m = INSTRUCTION.matcher(instruction);
    assertTrue(m.matches(), instruction);
    String[] args = m.group(2).split(",");
    boolean known = switch (m.group(1)) {
      case "SY" -> symbols.contains(args[0]);
      case "LC" -> lines.contains(args[0]);
      case "AP" -> patterns.contains(args[0]);
      case "AC" -> colours.contains(args[0]);
      case "LS", "LG", "AR" -> Set.of("SOLD", "DASH", "DOTT").contains(args[0]) && colours.contains(args[2]);
      case "TX", "TE" -> colours.contains(args[args.length - 2]);
      default -> false;
    };
    if (!known) {
      unknown.add(instruction);
    }
  }

  private static Set<String> names(List<String> records, String tag, int length) {
    // A record field is its tag, a 5-wide length, then the data: "SYMD   39ISODGR01V…".
    return records.stream().filter(r -> r.startsWith(tag) && r.length() >= 9 + length)
        .map(r -> r.substring(9, 9 + length)).collect(Collectors.toSet());
  }

  private static List<MarinerSettings> settingsToTry() {
    return List.of(MarinerSettings.defaults(), new MarinerSettings(10, 2, 30, 10, true, true),
        new MarinerSettings(-20, 2, 30, 5, false, true));
  }

  /** The branches' attributes, on every primitive. */
  private static List<S57Feature> featuresToTry(String objectClass) {
    List<Object[]> attributeSets = new ArrayList<>();
    attributeSets.add(new Object[] {});
    for (double depth : new double[] {-1.5, 0.5, 4.5, 8, 12.3, 25, 45.5, 123, 1234, 12345}) {
      attributeSets.add(new Object[] {"VALSOU", depth, "DRVAL1", depth, "DRVAL2", depth + 10, "VALDCO", depth, "DEPTH", depth});
    }
    for (long level = 1; level <= 5; level++) {
      attributeSets.add(new Object[] {"WATLEV", level, "CATOBS", 6L});
      attributeSets.add(new Object[] {"WATLEV", level, "CATWRK", level, "QUAPOS", 4L});
      attributeSets.add(new Object[] {"VALSOU", 3.0, "WATLEV", level, "TECSOU", codes(6), "QUASOU", codes(4)});
    }
    for (int code = 1; code <= 33; code++) {
      attributeSets.add(new Object[] {"RESTRN", codes(code), "CATREA", codes(code), "TOPSHP", (long) code,
          "COLOUR", codes(code % 13 + 1), "CATLIT", codes(code % 20 + 1), "CATSLC", codes(code), "CONDTN", (long) (code % 6)});
    }
    for (int[] colour : new int[][] {{1, 3}, {1, 4}, {5, 6}, {3, 4}}) {
      attributeSets.add(new Object[] {"COLOUR", codes(colour), "SECTR1", 45.0, "SECTR2", 135.0});
      attributeSets.add(new Object[] {"COLOUR", codes(colour), "VALNMR", 15.0, "LITCHR", 2L, "SIGGRP", "(2)"});
      attributeSets.add(new Object[] {"COLOUR", codes(colour), "CATLIT", codes(1), "ORIENT", 30.0});
    }
    attributeSets.add(new Object[] {"SECTR1", 300.0, "SECTR2", 30.0, "LITVIS", codes(7)});
    attributeSets.add(new Object[] {"CONRAD", 1L, "QUAPOS", 1L});
    List<S57Feature> features = new ArrayList<>();
    for (Object[] attributes : attributeSets) {
      for (int primitive = 1; primitive <= 3; primitive++) {
        features.add(feature(objectClass, primitive, attributes));
      }
      features.add(withGeometry(feature(objectClass, 1, attributes), pointZ(0, 0, 7.5)));
    }
    features.add(feature("DRGARE", 3, "DRVAL1", 5.0, "RESTRN", codes(1, 9)));
    features.add(feature("COALNE", 2, "CONRAD", 1L));
    return features;
  }

  private static Path presLib() {
    Path dai = SharedData.s52().resolve("PresLib_e4.0.0.dai");
    assertTrue(Files.isRegularFile(dai), "missing " + dai);
    return dai;
  }
}
