package io.chartstream.ingest.s57;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Update chains are checked against each update's own DSID before GDAL applies them, and the
 * chart is produced from the valid prefix. Broken chains are built from the shared cells; GDAL's
 * {@code ogrinfo} is the oracle for what it would have done with them, and for the chart the valid
 * prefix gives.
 */
class UpdateChainTest {
  private static final Path WA22 = SharedData.s57().resolve("US5WA22M");
  private static final Path GC09 = SharedData.s57().resolve("US1GC09M");
  private static final String UNIT = "\u001f";

  @TempDir Path input;
  @TempDir Path expected;

  @Test
  void anUpdateOfAnotherCellWithTheSameEditionIsRefusedThoughGdalWouldApplyIt() throws Exception {
    BrokenCells.copy(WA22.resolve("US5WA22M.000"), input.resolve("US5WA22M.000"));
    // US1GC09M's first update, edition 46 rewritten to 40 (US5WA22M's), renamed as US5WA22M.001.
    BrokenCells.rewrite(GC09.resolve("US1GC09M.001"), input.resolve("US5WA22M.001"),
        "US1GC09M.001" + UNIT + "46" + UNIT, "US1GC09M.001" + UNIT + "40" + UNIT);
    assertEquals("1", GdalOracle.dsid(input.resolve("US5WA22M.000")).get("DSID_UPDN"),
        "GDAL alone applies the other cell's update without a word");

    InputScan scan = new InputScanner(input, 0).scan();
    CellFiles cell = scan.cells().getFirst();
    assertEquals(List.of(), cell.updates(), "the update is not part of the chain");
    IngestProblem problem = scan.problems().getFirst();
    assertEquals(1, scan.problems().size(), scan.problems().toString());
    assertEquals("US5WA22M.001", problem.file());
    assertEquals("update_for_another_cell", problem.code());
    assertTrue(problem.reason().contains("US1GC09M.001") && problem.reason().contains("update 0"), problem.reason());

    ChartContents chart = ChartReader.read(cell);
    assertEquals(0, chart.dsid().version().getUpdateNumber(), "read from the valid prefix: the base alone");
    BrokenCells.copy(WA22.resolve("US5WA22M.000"), expected.resolve("US5WA22M.000"));
    assertEquals(total(GdalOracle.featureCounts(expected.resolve("US5WA22M.000"))) - 1, chart.features().size(),
        "every feature of the base cell, as GDAL reads it alone (its DSID record aside)");
  }

  @Test
  void aMisnumberedUpdateCutsTheChainAndTheChartIsTheValidPrefix() throws Exception {
    BrokenCells.copy(WA22.resolve("US5WA22M.000"), input.resolve("US5WA22M.000"));
    BrokenCells.copy(WA22.resolve("US5WA22M.001"), input.resolve("US5WA22M.001"));
    BrokenCells.copy(WA22.resolve("US5WA22M.003"), input.resolve("US5WA22M.002")); // update 3 named as 2
    BrokenCells.copy(WA22.resolve("US5WA22M.003"), input.resolve("US5WA22M.003"));

    InputScan scan = new InputScanner(input, 0).scan();
    CellFiles cell = scan.cells().getFirst();
    assertEquals(List.of(input.resolve("US5WA22M.001")), cell.updates());
    assertEquals(List.of("US5WA22M.002 update_number_mismatch", "US5WA22M.003 update_out_of_sequence"),
        scan.problems().stream().map(p -> p.file() + " " + p.code()).toList());

    ChartContents chart = ChartReader.read(cell);
    assertEquals(1, chart.dsid().version().getUpdateNumber());
    BrokenCells.copy(WA22.resolve("US5WA22M.000"), expected.resolve("US5WA22M.000"));
    BrokenCells.copy(WA22.resolve("US5WA22M.001"), expected.resolve("US5WA22M.001"));
    assertEquals(total(GdalOracle.featureCounts(expected.resolve("US5WA22M.000"))) - 1, chart.features().size(),
        "the chart GDAL gives for the base and its first update alone");
  }

  @Test
  void anUpdateForAnotherEditionAndAnUnreadableUpdateAreRefused() throws Exception {
    BrokenCells.copy(WA22.resolve("US5WA22M.000"), input.resolve("a/US5WA22M.000"));
    BrokenCells.rewrite(WA22.resolve("US5WA22M.001"), input.resolve("a/US5WA22M.001"),
        "US5WA22M.001" + UNIT + "40" + UNIT, "US5WA22M.001" + UNIT + "41" + UNIT);
    Path il10 = SharedData.s57().resolve("US4IL10M");
    BrokenCells.copy(il10.resolve("US4IL10M.000"), input.resolve("b/US4IL10M.000"));
    BrokenCells.cut(il10.resolve("US4IL10M.001"), input.resolve("b/US4IL10M.001"), 100);

    InputScan scan = new InputScanner(input, 0).scan();
    Map<String, IngestProblem> problems = new java.util.TreeMap<>();
    scan.problems().forEach(p -> problems.put(p.file(), p));
    assertEquals("update_wrong_edition", problems.get("a/US5WA22M.001").code());
    assertTrue(problems.get("a/US5WA22M.001").reason().contains("edition 41") && problems.get("a/US5WA22M.001").reason().contains("edition 40"),
        problems.get("a/US5WA22M.001").reason());
    assertEquals("update_unreadable", problems.get("b/US4IL10M.001").code());
    assertTrue(problems.get("b/US4IL10M.001").reason().contains("truncated"), problems.get("b/US4IL10M.001").reason());
    assertTrue(scan.cells().stream().allMatch(c -> c.updates().isEmpty()));
  }

  @Test
  void theSharedChainsAreValid() {
    InputScan scan = new InputScanner(SharedData.s57(), 0).scan();
    assertEquals(List.of("bad/US5MD12M.001"), scan.problems().stream().map(IngestProblem::file).toList());
    int updates = scan.cells().stream().mapToInt(c -> c.updates().size()).sum();
    assertEquals(9 + 4 + 1, updates, "US1GC09M, US5WA22M and US4IL10M keep every update");
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
