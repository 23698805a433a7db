package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.StringList;
import io.chartstream.topology.StageException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Styling equals the PresLib", on every feature of every shared cell (NOAA, updates applied) and
 * of the ECDIS Chart 1 cells, with both table choices and the real procedures:
 * <ol>
 *   <li>the built-in tables ({@code config/s52}) give the very style the {@code .dai} gives;</li>
 *   <li>the entry used is the one this test picks on its own from the {@code .dai}'s raw records
 *       ({@link DaiRecords}, its own attribute matching): same table, class and conditions, same
 *       priority, radar flag, category and viewing group, and the entry's instructions in order,
 *       with what each procedure returned in place of its {@code CS(…)};</li>
 *   <li>no feature fails, and no {@code CS(…)} is left in any style.</li>
 * </ol>
 * Prints the table docs/styling.md quotes.
 */
class PresLibFidelityTest {
  private static final TableChoice SIMPLIFIED_PLAIN = new TableChoice(TableChoice.Boundaries.PLAIN, TableChoice.Points.SIMPLIFIED);
  private static final TableChoice PAPER_SYMBOLIZED = TableChoice.defaults();

  private static Presentation dai;
  private static Presentation builtIn;
  private static Map<LookupTableName, Map<String, List<RawEntry>>> rawTables;

  /** A lookup record as this test reads it. */
  private record RawEntry(String label, List<String> conditions, List<String> instructions, int priority, boolean radar,
                          String category, int group) {}

  @BeforeAll
  static void load() throws IOException {
    dai = PresLibReader.read(StylingData.dai());
    builtIn = BuiltInPresentation.load(StylingData.builtInDir());
    rawTables = new EnumMap<>(LookupTableName.class);
    for (DaiRecords.RawRecord record : DaiRecords.ofType(DaiRecords.read(StylingData.dai()), "LUPT")) {
      String lupt = record.first("LUPT");
      LookupTableName table = LookupTableName.valueOf(lupt.substring(23));
      String objectClass = lupt.substring(10, 16);
      List<String> conditions = new ArrayList<>();
      for (String c : record.first("ATTC").split(String.valueOf(DaiRecords.UNIT))) {
        if (!c.isEmpty()) {
          conditions.add(c);
        }
      }
      List<String> instructions = new ArrayList<>();
      for (String i : SymbologyInstructions.split(record.first("INST"))) {
        instructions.add(i);
      }
      String category = record.first("DISC").replace(' ', '_');
      String group = record.first("LUCM");
      String label = table.name() + " " + objectClass + (conditions.isEmpty() ? "" : " " + String.join(" ", conditions));
      rawTables.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(objectClass, c -> new ArrayList<>())
          .add(new RawEntry(label, conditions, instructions, Integer.parseInt(lupt.substring(17, 22)),
              lupt.charAt(22) == 'O', category.isEmpty() ? "OTHER" : category, group.isEmpty() ? 0 : Integer.parseInt(group)));
    }
  }

  @Test
  void everyFeatureOfTheSharedAndEcdisChart1CellsIsStyledAsThePresLibSays() {
    Map<String, List<S57Feature>> sets = new TreeMap<>();
    sets.put("1 NOAA cells (10 cells, updates applied)", StylingData.noaa().values().stream().flatMap(List::stream).toList());
    sets.put("2 ECDIS Chart 1 (14 cells)", StylingData.ecdisChart1().values().stream().flatMap(List::stream).toList());
    System.out.println("| charts | tables | features styled | built-in = .dai | entry = PresLib's (independent) | failures | CS left |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<S57Feature>> set : sets.entrySet()) {
      for (TableChoice tables : List.of(SIMPLIFIED_PLAIN, PAPER_SYMBOLIZED)) {
        S52Styler ours = new S52Styler(builtIn, MarinerSettings.defaults(), tables, ConditionalProcedures.of(builtIn));
        S52Styler theirs = new S52Styler(dai, MarinerSettings.defaults(), tables, ConditionalProcedures.of(dai));
        int styled = 0;
        int same = 0;
        int asPresLib = 0;
        int failures = 0;
        int csLeft = 0;
        for (S57Feature f : set.getValue()) {
          LookupTableName table = tables.tableFor(f.getPrimitive());
          if (table == null) {
            continue; // C_AGGR, C_ASSO: no geometry, never styled (they never reach the stage)
          }
          styled++;
          S52Style a;
          S52Style b;
          try {
            a = ours.style(f);
            b = theirs.style(f);
          } catch (StageException e) {
            failures++;
            problems.add(f.getChartId() + " " + f.getObjectClass() + " #" + f.getIndex() + ": " + e.getMessage());
            continue;
          }
          same += a.equals(b) ? 1 : 0;
          if (a.getInstructions().stream().anyMatch(i -> i.startsWith("CS("))) {
            csLeft++;
            problems.add(f.getChartId() + " " + f.getObjectClass() + ": CS left in " + a.getInstructions());
          }
          String mismatch = mismatch(a, expectedEntry(table, f));
          if (mismatch == null) {
            asPresLib++;
          } else if (problems.size() < 40) {
            problems.add(f.getChartId() + " " + f.getObjectClass() + " #" + f.getIndex() + " " + f.getAttributes() + ": " + mismatch);
          }
        }
        System.out.printf("| %s | %s, %s | %,d | %.2f %% | %.2f %% | %d | %d |%n", set.getKey().substring(2),
            tables.points(), tables.boundaries(), styled, 100.0 * same / styled, 100.0 * asPresLib / styled, failures, csLeft);
        assertEquals(styled, same, set.getKey() + " " + tables + ": built-in differs from the .dai");
        assertTrue(styled > 1000, "features styled: " + styled);
      }
    }
    assertEquals(List.of(), problems);
  }

  /** What differs between the style and the entry, or null when nothing does. */
  private static String mismatch(S52Style style, RawEntry entry) {
    boolean fallback = entry.label().contains(LookupEntry.UNKNOWN_CLASS);
    String label = fallback ? S52Styler.FALLBACK : entry.label();
    if (!style.getLookup().equals(label)) {
      return "entry " + style.getLookup() + ", the PresLib's is " + label;
    }
    if (style.getDisplayPriority() != entry.priority() || style.getRadarOverlay() != entry.radar()
        || !style.getDisplayCategory().equals(entry.category()) || style.getViewingGroup() != entry.group()) {
      return "priority/radar/category/group " + style.getDisplayPriority() + "/" + style.getRadarOverlay() + "/"
          + style.getDisplayCategory() + "/" + style.getViewingGroup() + ", the PresLib's " + entry;
    }
    // The entry's own instructions, in order, with procedure output where each CS was.
    List<String> own = entry.instructions().stream().filter(i -> !i.startsWith("CS(")).toList();
    boolean callsProcedures = own.size() != entry.instructions().size();
    if (!callsProcedures && !style.getInstructions().equals(own)) {
      return "instructions " + style.getInstructions() + ", the PresLib's " + own;
    }
    int next = 0;
    for (String instruction : style.getInstructions()) {
      if (next < own.size() && instruction.equals(own.get(next))) {
        next++;
      }
    }
    return next == own.size() ? null : "instructions " + style.getInstructions() + " lack some of " + own;
  }

  /**
   * The PresLib's entry for a feature, chosen here without the library's code: of the class's
   * entries whose every condition holds, the one with the most conditions, the first on a tie;
   * else the class's first entry without conditions; else the table's {@code ######}.
   */
  private static RawEntry expectedEntry(LookupTableName table, S57Feature feature) {
    List<RawEntry> entries = rawTables.get(table).getOrDefault(feature.getObjectClass(), List.of());
    RawEntry best = null;
    for (RawEntry entry : entries) {
      if (!entry.conditions().isEmpty() && (best == null || entry.conditions().size() > best.conditions().size())
          && entry.conditions().stream().allMatch(c -> holds(c, feature.getAttributes()))) {
        best = entry;
      }
    }
    if (best == null) {
      best = entries.stream().filter(e -> e.conditions().isEmpty()).findFirst().orElse(null);
    }
    return best != null ? best : rawTables.get(table).get(LookupEntry.UNKNOWN_CLASS).getFirst();
  }

  /** One ATTC condition: six letters, then nothing (present), ? (absent) or the value. */
  private static boolean holds(String condition, Map<String, Object> attributes) {
    Object value = attributes.get(condition.substring(0, 6));
    String wanted = condition.substring(6);
    if (wanted.isEmpty()) {
      return value != null;
    }
    if (wanted.equals("?")) {
      return value == null;
    }
    if (value == null) {
      return false;
    }
    List<String> actual = switch (value) {
      case IntList l -> l.getValues().stream().map(String::valueOf).toList();
      case RealList l -> l.getValues().stream().map(String::valueOf).toList();
      case StringList l -> l.getValues();
      default -> List.of(String.valueOf(value));
    };
    String[] expected = wanted.split(",", -1);
    if (actual.size() != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!sameValue(expected[i], actual.get(i).strip())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    try {
      return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Prints the definitions the styles of both sets name that the library lacks (PresLib 4.0: one). */
  @Test
  void everySymbolLineStyleAndPatternTheStylesNameIsDefined() {
    Map<String, Integer> missing = new TreeMap<>();
    int named = 0;
    for (TableChoice tables : List.of(SIMPLIFIED_PLAIN, PAPER_SYMBOLIZED)) {
      S52Styler styler = new S52Styler(builtIn, MarinerSettings.defaults(), tables, ConditionalProcedures.of(builtIn));
      for (List<S57Feature> features : StylingData.all().values()) {
        for (S57Feature f : features) {
          if (tables.tableFor(f.getPrimitive()) == null) {
            continue;
          }
          for (String instruction : styler.style(f).getInstructions()) {
            var ref = SymbologyInstructions.symbolReference(instruction);
            if (ref.isPresent()) {
              named++;
              if (builtIn.symbols().find(ref.get().kind(), ref.get().name()).isEmpty()) {
                missing.merge(ref.get().toString(), 1, Integer::sum);
              }
            }
          }
        }
      }
    }
    System.out.println("definitions named by styles: " + named + ", missing from the library: " + missing);
    assertTrue(named > 10_000, "named: " + named);
    assertEquals(List.of(), missing.keySet().stream().filter(k -> !k.equals("SY WIMCOM01")).collect(Collectors.toList()),
        "only PresLib 4.0's own dangling WIMCOM01 may be missing");
  }
}
