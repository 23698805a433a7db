package io.chartstream.ingest.s57;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartstream.schema.avro.S57Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ChartReader} against GDAL's own tools on the same cells with the same open options:
 * feature counts per object class from {@code ogrinfo}, every feature's attributes and geometry
 * from {@code ogr2ogr -f GeoJSONSeq}. Here on the IHO ECDIS Chart 1 cells, which exercise every
 * object class of the presentation library; the NOAA cells get the same check after a trip
 * through Kafka in the launcher's {@code IngestEndToEndTest}.
 */
class ChartReaderTest {

  static Stream<CellFiles> sharedCells() {
    List<CellFiles> cells = new ArrayList<>(new InputScanner(SharedData.s57(), 0).scan().cells());
    assertTrue(cells.size() >= 10, "expected the shared NOAA cells, found " + cells.size());
    return cells.stream();
  }

  static Stream<CellFiles> chartOneCells() {
    List<CellFiles> cells = new InputScanner(SharedData.s52().resolve("ECDIS_Chart_1"), 0).scan().cells();
    assertTrue(cells.size() >= 14, "expected the 14 ECDIS Chart 1 cells, found " + cells.size());
    return cells.stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("chartOneCells")
  void everyFeatureEqualsWhatGdalWrites(CellFiles files) throws Exception {
    ChartContents chart = ChartReader.read(files);
    assertTrue(chart.problems().isEmpty(), () -> "problems: " + chart.problems());

    Map<String, Integer> expectedCounts = new TreeMap<>(GdalOracle.featureCounts(files.base()));
    assertEquals(1, expectedCounts.remove("DSID"), "GDAL's DSID layer holds one record, read into ChartStart");
    expectedCounts.values().removeIf(n -> n == 0);
    Map<String, List<S57Feature>> byClass = chart.features().stream()
        .collect(Collectors.groupingBy(S57Feature::getObjectClass, TreeMap::new, Collectors.toList()));
    Map<String, Integer> actualCounts = new TreeMap<>();
    byClass.forEach((objectClass, list) -> actualCounts.put(objectClass, list.size()));
    assertEquals(expectedCounts, actualCounts, "features per object class");

    List<String> differences = new ArrayList<>();
    for (var entry : byClass.entrySet()) {
      List<JsonNode> gdal = GdalOracle.geoJsonSeq(files.base(), entry.getKey());
      List<S57Feature> ours = entry.getValue();
      assertEquals(gdal.size(), ours.size(), entry.getKey());
      for (int i = 0; i < ours.size() && differences.size() < 20; i++) {
        differences.addAll(FeatureComparison.differences(ours.get(i), gdal.get(i)));
      }
    }
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
  }

  @Test
  void chartVersionIsTheLastAppliedUpdate() throws Exception {
    CellFiles us5wa22m = cell("US5WA22M");
    ChartContents chart = ChartReader.read(us5wa22m);
    assertEquals(4, us5wa22m.updates().size());
    assertEquals(4, chart.dsid().version().getUpdateNumber());
    Map<String, String> dsid = dsidFromOgrinfo(us5wa22m.base());
    assertEquals(Integer.parseInt(dsid.get("DSID_EDTN")), chart.dsid().version().getEdition());
    assertEquals(dsid.get("DSID_UADT"), chart.dsid().version().getUpdateApplicationDate());
    assertEquals(dsid.get("DSID_ISDT"), chart.dsid().version().getIssueDate());
    assertEquals(Integer.parseInt(dsid.get("DSPM_CSCL")), chart.dsid().compilationScale());
    assertEquals(Integer.parseInt(dsid.get("DSID_AGEN")), chart.dsid().agency());
    assertEquals(15000, chart.dsid().compilationScale(), "the scale the shared data's README gives");
  }

  @Test
  void updatesChangeOrDeleteFeatures() throws Exception {
    CellFiles us4il10m = cell("US4IL10M");
    ChartContents chart = ChartReader.read(us4il10m);
    // The base cell alone, as GDAL reads it without updates: the state before US4IL10M.001.
    Map<String, Long> baseVersions = new HashMap<>();
    Set<String> classes = chart.features().stream().map(S57Feature::getObjectClass).collect(Collectors.toSet());
    classes.addAll(GdalOracle.featureCounts(us4il10m.base()).keySet());
    classes.remove("DSID");
    for (String objectClass : classes) {
      for (JsonNode f : GdalOracle.geoJsonSeqWithoutUpdates(us4il10m.base(), objectClass)) {
        baseVersions.put(f.get("properties").get("LNAM").asText(), f.get("properties").get("RVER").asLong());
      }
    }
    Map<String, Long> updated = new HashMap<>();
    chart.features().forEach(f -> updated.put(f.getLnam(), (long) f.getRecordVersion()));
    Set<String> deleted = new HashSet<>(baseVersions.keySet());
    deleted.removeAll(updated.keySet());
    long changed = updated.entrySet().stream()
        .filter(e -> baseVersions.containsKey(e.getKey()) && !baseVersions.get(e.getKey()).equals(e.getValue())).count();
    Set<String> added = new HashSet<>(updated.keySet());
    added.removeAll(baseVersions.keySet());
    assertFalse(deleted.isEmpty() && changed == 0 && added.isEmpty(), "the update changed nothing we can see");
    assertTrue(changed > 0 || !deleted.isEmpty(), "a feature changed or deleted by US4IL10M.001 must be changed or gone");
  }

  @Test
  void nationalAndLatin1TextDecodesToUtf8() throws Exception {
    ChartContents chart = ChartReader.read(cell("US1GC09M"));
    Map<String, Object> objnam = new LinkedHashMap<>();
    Set<Object> names = chart.features().stream().map(f -> f.getAttributes().get("OBJNAM")).collect(Collectors.toSet());
    Set<Object> ninfom = chart.features().stream().map(f -> f.getAttributes().get("NINFOM")).collect(Collectors.toSet());
    assertTrue(names.contains("Cayo Bahía de Cádiz"), "Latin-1 OBJNAM decoded: " + objnam);
    assertTrue(ninfom.contains("Conical, maintained by Bahama Imperial Lighthouse Service"), "UCS-2 NINFOM decoded");
  }

  @Test
  void coverageIsTheCatcov1Area() throws Exception {
    ChartContents chart = ChartReader.read(cell("US5MA12M"));
    assertTrue(chart.coverage() != null && chart.bbox() != null);
    // GDAL's extent of all M_COVR features (CATCOV 1 and 2) contains the coverage box.
    double[] extent = GdalOracle.extent(chart.files().base(), "M_COVR");
    assertTrue(chart.bbox().getWest() >= extent[0] - 1e-9 && chart.bbox().getSouth() >= extent[1] - 1e-9
        && chart.bbox().getEast() <= extent[2] + 1e-9 && chart.bbox().getNorth() <= extent[3] + 1e-9,
        "coverage box " + chart.bbox() + " inside M_COVR extent " + java.util.Arrays.toString(extent));
    assertTrue(chart.bbox().getNorth() > chart.bbox().getSouth() && chart.bbox().getEast() > chart.bbox().getWest());
  }

  @Test
  void aCellThatVanishesBeforeItIsReadIsReportedAsSuch(@TempDir Path temp) throws Exception {
    Files.copy(cell("US1BS01M").base(), temp.resolve("US1BS01M.000"));
    CellFiles files = new InputScanner(temp, 0).scan().cells().getFirst();
    Files.delete(files.base());
    ChartReadException e = assertThrows(ChartReadException.class, () -> ChartReader.read(files));
    assertEquals("file_vanished", e.problem().code());
    assertEquals("US1BS01M.000", e.problem().file());
  }

  /** The oracle itself must be able to fail: a changed attribute or a coordinate moved by 1e-8 degrees is caught. */
  @Test
  void theComparisonCatchesAChangedAttributeAndAMovedCoordinate() throws Exception {
    ChartContents chart = ChartReader.read(cell("US1BS01M"));
    S57Feature light = chart.features().stream().filter(f -> f.getObjectClass().equals("LIGHTS")).findFirst().orElseThrow();
    JsonNode gdal = GdalOracle.geoJsonSeq(chart.files().base(), "LIGHTS").getFirst();
    assertEquals(List.of(), FeatureComparison.differences(light, gdal));

    S57Feature renamed = S57Feature.newBuilder(light).setAttributes(new LinkedHashMap<>(light.getAttributes())).build();
    renamed.getAttributes().put("OBJNAM", "not the light's name");
    assertEquals(1, FeatureComparison.differences(renamed, gdal).size());

    byte[] wkb = new byte[light.getGeometry().remaining()];
    light.getGeometry().duplicate().get(wkb);
    java.nio.ByteBuffer.wrap(wkb).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(5, gdal.get("geometry").get("coordinates").get(0).asDouble() + 1e-8);
    S57Feature moved = S57Feature.newBuilder(light).setGeometry(java.nio.ByteBuffer.wrap(wkb)).build();
    assertEquals(1, FeatureComparison.differences(moved, gdal).size());
  }

  static CellFiles cell(String chartId) {
    return sharedCells().filter(c -> c.chartId().equals(chartId)).findFirst().orElseThrow();
  }

  private static Map<String, String> dsidFromOgrinfo(Path cell) {
    Map<String, String> values = new HashMap<>();
    JsonNode dsid = GdalOracle.geoJsonSeq(cell, "DSID").getFirst().get("properties");
    dsid.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }
}
