package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.s52.ColourTokens;
import io.chartstream.s52.SymbolDefinition;
import io.chartstream.s52.SymbolFile;
import io.chartstream.s52.SymbolKind;
import io.chartstream.s52.SymbolLibrary;
import io.chartstream.s52.TokenColour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The converter's output, {@code config/s52}, against the PresLib {@code .dai} read by this test
 * on its own ({@link DaiRecords}: no code of the reader or the converter): every lookup entry of
 * every table, every colour token of every palette, every symbol, line style and pattern, in the
 * library's order, nothing left out, nothing added, nothing altered. And the conversion is
 * repeatable: converting again gives the committed files byte for byte.
 */
class PresLibConverterTest {
  private static List<DaiRecords.RawRecord> records;
  private static Presentation builtIn;
  private static SymbolLibrary symbols;

  @BeforeAll
  static void read() throws IOException {
    records = DaiRecords.read(StylingData.dai());
    builtIn = BuiltInPresentation.load(StylingData.builtInDir());
    symbols = SymbolFile.load(StylingData.builtInDir().resolve(BuiltInPresentation.SYMBOLS));
  }

  @Test
  void convertingAgainGivesTheCommittedFilesByteForByte(@TempDir Path first, @TempDir Path second) throws IOException {
    PresLibConverter.Result result = PresLibConverter.convert(StylingData.dai(), first);
    PresLibConverter.convert(StylingData.dai(), second);
    for (String name : List.of(BuiltInPresentation.COLOURS, BuiltInPresentation.LOOKUPS, BuiltInPresentation.SYMBOLS)) {
      byte[] converted = Files.readAllBytes(first.resolve(name));
      assertArrayEquals(converted, Files.readAllBytes(second.resolve(name)), name + " differs between two conversions");
      assertArrayEquals(converted, Files.readAllBytes(StylingData.builtInDir().resolve(name)),
          "config/s52/" + name + " is not what the converter writes now: convert again (docs/styling.md)");
    }
    assertEquals(1276, result.lookupEntries(), "PresLib 4.0 has 1,276 lookup entries");
    assertEquals(List.of("SY WIMCOM01"), result.danglingReferences().stream().map(d -> d.substring(0, d.indexOf(" in "))).toList(),
        "the one reference PresLib 4.0 makes to a symbol it lacks");
  }

  @Test
  void everyLookupEntryOfEveryTableIsConvertedUnaltered() {
    Map<LookupTableName, List<String>> expected = new EnumMap<>(LookupTableName.class);
    List<DaiRecords.RawRecord> lookups = DaiRecords.ofType(records, "LUPT");
    for (DaiRecords.RawRecord record : lookups) {
      // LU rcid(5) stat(3) class(6) ftyp(1) priority(5) radar(1) table
      String lupt = record.first("LUPT");
      LookupTableName table = LookupTableName.valueOf(lupt.substring(23));
      List<String> conditions = new ArrayList<>();
      for (String condition : record.first("ATTC").split(String.valueOf(DaiRecords.UNIT))) {
        if (!condition.isEmpty()) {
          conditions.add(condition);
        }
      }
      String instructions = record.first("INST");
      instructions = instructions.endsWith(";") ? instructions.substring(0, instructions.length() - 1) : instructions;
      String category = record.first("DISC").replace(' ', '_');
      String group = record.first("LUCM");
      expected.computeIfAbsent(table, t -> new ArrayList<>()).add(String.join(" / ", lupt.substring(10, 16),
          String.join(" ", conditions), instructions, String.valueOf(Integer.parseInt(lupt.substring(17, 22))),
          lupt.substring(22, 23), category.isEmpty() ? "OTHER" : category, group.isEmpty() ? "0" : group));
    }
    int converted = 0;
    for (LookupTableName table : LookupTableName.values()) {
      List<String> actual = new ArrayList<>();
      for (LookupEntry e : builtIn.lookupTable(table).entries()) {
        actual.add(String.join(" / ", e.objectClass(),
            String.join(" ", e.conditions().stream().map(AttributeCondition::toString).toList()),
            String.join(";", e.instructions()), String.valueOf(e.displayPriority()), e.radarOverlay() ? "O" : "S",
            e.displayCategory().name(), String.valueOf(e.viewingGroup())));
      }
      assertEquals(expected.getOrDefault(table, List.of()), actual, table + ": entries differ from the .dai's");
      converted += actual.size();
    }
    assertEquals(lookups.size(), converted);
    assertEquals(1276, converted, "PresLib 4.0 has 1,276 lookup entries");
  }

  @Test
  void everyColourTokenOfEveryPaletteIsConverted() throws IOException {
    Map<String, Map<String, double[]>> cie = new LinkedHashMap<>();
    double white = 0;
    for (DaiRecords.RawRecord record : DaiRecords.ofType(records, "COLS")) {
      Map<String, double[]> table = cie.computeIfAbsent(record.first("COLS").substring(10), t -> new LinkedHashMap<>());
      for (String ccie : record.all("CCIE")) {
        String[] parts = ccie.split(String.valueOf(DaiRecords.UNIT));
        double luminance = Double.parseDouble(parts[2]);
        table.put(parts[0].substring(0, 5), new double[] {Double.parseDouble(parts[0].substring(5)), Double.parseDouble(parts[1]), luminance});
        white = Math.max(white, luminance);
      }
    }
    assertEquals(List.of("DAY", "DUSK", "NIGHT"), List.copyOf(cie.keySet()));
    ColourTokens file = ColourTokens.load(StylingData.builtInDir().resolve(BuiltInPresentation.COLOURS));
    assertEquals(List.copyOf(cie.get("DAY").keySet()), List.copyOf(file.colours().keySet()), "tokens and their order");
    ColourConversion conversion = new ColourConversion(white);
    for (Map.Entry<String, TokenColour> token : file.colours().entrySet()) {
      TokenColour colour = token.getValue();
      List<String> actual = List.of(colour.day(), colour.dusk(), colour.night());
      List<String> expected = new ArrayList<>();
      for (String palette : List.of("DAY", "DUSK", "NIGHT")) {
        double[] xyl = cie.get(palette).get(token.getKey());
        expected.add(conversion.toHex(new CieColour(xyl[0], xyl[1], xyl[2])));
      }
      assertEquals(expected, actual, token.getKey());
    }
    assertEquals(67, file.colours().size(), "PresLib 4.0 has 67 colour tokens");
  }

  @Test
  void everySymbolLineStyleAndPatternIsConvertedUnaltered() {
    Map<String, SymbolKind> types = Map.of("SYMB", SymbolKind.SYMBOL, "LNST", SymbolKind.LINE, "PATT", SymbolKind.PATTERN);
    Map<String, String[]> tags = Map.of("SYMB", new String[] {"SYMD", "SXPO", "SCRF", "SVCT"},
        "LNST", new String[] {"LIND", "LXPO", "LCRF", "LVCT"}, "PATT", new String[] {"PATD", "PXPO", "PCRF", "PVCT"});
    List<String> expected = new ArrayList<>();
    for (DaiRecords.RawRecord record : records) {
      if (!types.containsKey(record.type()) || record.deleted()) {
        continue;
      }
      String[] t = tags.get(record.type());
      String definition = record.first(t[0]);
      // name(8), then for symbols and patterns a type letter, for patterns fill(3) spacing(3)
      // minimum(5) maximum(5), then pivot column, row, box width, height, column, row (5 each).
      String numbers = switch (record.type()) {
        case "SYMB" -> definition.substring(9);
        case "LNST" -> definition.substring(8);
        default -> definition.substring(25);
      };
      String fill = record.type().equals("PATT")
          ? definition.substring(9, 12) + " " + definition.substring(12, 15) + " " + Integer.parseInt(definition.substring(15, 20))
            + " " + Integer.parseInt(definition.substring(20, 25))
          : "-";
      List<Integer> n = new ArrayList<>();
      for (int i = 0; i < 30; i += 5) {
        n.add(Integer.parseInt(numbers.substring(i, i + 5)));
      }
      expected.add(String.join(" / ", types.get(record.type()).name(), definition.substring(0, 8).strip(),
          n.get(0) + "," + n.get(1), n.get(4) + "," + n.get(5) + "," + n.get(2) + "," + n.get(3),
          record.first(t[2]), fill, String.join("", record.all(t[3])), record.first(t[1])));
    }
    List<String> actual = new ArrayList<>();
    for (SymbolDefinition d : symbols.definitions()) {
      StringBuilder refs = new StringBuilder();
      d.colours().forEach((letter, token) -> refs.append(letter).append(token));
      String fill = d.fill() == null ? "-" : (d.fill().arrangement().name().startsWith("L") ? "LIN" : "STG") + " "
          + (d.fill().spacing().name().startsWith("C") ? "CON" : "SCL") + " " + d.fill().minDistance() + " " + d.fill().maxDistance();
      actual.add(String.join(" / ", d.kind().name(), d.name(), d.pivotColumn() + "," + d.pivotRow(),
          d.box().column() + "," + d.box().row() + "," + d.box().width() + "," + d.box().height(),
          refs.toString(), fill, d.vectors(), d.description()));
    }
    assertEquals(expected.size(), actual.size(), "definitions");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "definition " + (i + 1));
    }
    assertEquals(532, symbols.definitions(SymbolKind.SYMBOL).size(), "PresLib 4.0 symbols");
    assertEquals(55, symbols.definitions(SymbolKind.LINE).size(), "PresLib 4.0 line styles");
    assertEquals(25, symbols.definitions(SymbolKind.PATTERN).size(), "PresLib 4.0 patterns");
    assertTrue(builtIn.symbols().definitions().size() == expected.size(), "BuiltInPresentation loads the same library");
  }
}
