package io.chartstream.ingest.s57.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.GdalOracle;
import io.chartstream.ingest.s57.Iso8211Reader;
import io.chartstream.ingest.s57.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source cells that cannot be copied are left out with the file and the reason, and the delivery
 * is made from the others; a cell name of another length than the source's still gives a cell
 * GDAL reads.
 */
class SourceCellsTest {
  @TempDir Path tmp;

  @Test
  void aBrokenSourceIsLeftOutWithItsReasonAndTheOthersAreCopied() throws Exception {
    Path from = tmp.resolve("from");
    Path good = Files.createDirectories(from.resolve("good"));
    Files.copy(SharedData.s57().resolve("US5MA12M/US5MA12M.000"), good.resolve("US5MA12M.000"));
    Path cut = Files.createDirectories(from.resolve("cut"));
    byte[] whole = Files.readAllBytes(SharedData.s57().resolve("US4IL10M/US4IL10M.000"));
    Files.write(cut.resolve("US4IL10M.000"), Arrays.copyOf(whole, whole.length / 2));
    Files.copy(SharedData.s57().resolve("bad/US5MD12M.001"), Files.createDirectories(from.resolve("bad"))
        .resolve("US5MD12M.001"));

    DeliverySimulator simulator = DeliverySimulator.prepare(new DeliverySimulator.Settings(from, tmp.resolve("out"),
        3, 1, BandMix.parse("4=1,5=1"), 1000, DeliverySimulator.DEFAULT_CACHE_BYTES));
    List<String> skipped = simulator.sources().skipped();
    assertEquals(2, skipped.size(), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.contains("US4IL10M.000") && s.contains("truncated")), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.contains("US5MD12M.001") && s.contains("update_without_base")),
        skipped.toString());
    assertEquals(List.of("US5MA12M"), simulator.sources().cells().stream().map(SourceCell::chartId).toList());
    // Band 4 lost its only source: its cells go to band 5.
    assertEquals(3, simulator.plan().placed(5));
    assertEquals("no source cell of band 4 (approach)", simulator.plan().moves().getFirst().reason());

    DeliverySimulator.Result result = simulator.write((c, b) -> { });
    assertEquals(3, result.cells());
    for (Map<String, String> copy : SimulationManifest.read(tmp.resolve("out"))) {
      Path cell = SimulationManifest.baseCell(tmp.resolve("out"), copy);
      assertEquals(GdalOracle.featureCounts(good.resolve("US5MA12M.000")).values().stream().toList(),
          GdalOracle.featureCounts(cell).values().stream().toList());
    }
  }

  @Test
  void aNameOfAnotherLengthRebuildsTheDsidRecordAndGdalReadsTheCell() throws Exception {
    Path source = SharedData.s57().resolve("US5WA22M/US5WA22M.000");
    CellTemplate template = CellTemplate.read(source);
    assertEquals("US5WA22M.000", template.cellName());
    byte[] moved = CellMover.moved(template, 100, -200, "US5LONGERNAME.000");
    assertEquals(template.bytes.length + 5, moved.length);
    Path copy = tmp.resolve("US5WA22M.000");
    Files.write(copy, moved);

    // GDAL compares the copy with the base alone: the shared one has its updates beside it.
    Path base = Files.createDirectories(tmp.resolve("base")).resolve("US5WA22M.000");
    Files.copy(source, base);
    Iso8211Reader.DataRecord dsid = Iso8211Reader.open(copy).next();
    assertEquals("US5LONGERNAME.000", dsid.field("DSID").orElseThrow().value("DSNM"));
    assertEquals(template.dsid.field("DSID").orElseThrow().value("ISDT"), dsid.field("DSID").orElseThrow().value("ISDT"));
    assertEquals(GdalOracle.featureCounts(base), GdalOracle.featureCounts(copy));
    double[] before = GdalOracle.extent(base, "M_COVR");
    double[] after = GdalOracle.extent(copy, "M_COVR");
    assertEquals(before[0] - 200e-7, after[0], 1e-6);
    assertEquals(before[1] + 100e-7, after[1], 1e-6);
  }
}
