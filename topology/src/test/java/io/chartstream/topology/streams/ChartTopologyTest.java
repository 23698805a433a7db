package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.topology.project.Reprojector;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.rcl.RclKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The whole topology in {@code TopologyTestDriver}: the completeness protocol with charts in any
 * order, a chart with no features in an expected RCL, updates, a new edition that shrinks
 * coverage, an older version arriving late, and a duplicate redelivery. Charts are harbour
 * cells (band 5, level 13, tiles about 4.9 km wide) near Seattle; RCLs are computed with the
 * grid, never written down by hand.
 */
class ChartTopologyTest {
  static final double LON = -122.42;
  static final double LAT = 47.27;
  /** 0.1 degree of longitude is about 7.5 km here: the next tile east or the one after. */
  static final double EAST = LON + 0.1;
  /** Coverage of two small squares, one around each position. */
  static final String WEST_AND_EAST = "MULTIPOLYGON (" + ChartFixture.square(LON, LAT, 0.01).substring(8) + ", "
      + ChartFixture.square(EAST, LAT, 0.01).substring(8) + ")";

  TopologyTestDriver driver;
  TestInputTopic<String, Object> features;
  TestInputTopic<String, ChartCatalogEntry> catalog;
  TestOutputTopic<Long, RclTile> tiles;
  TestOutputTopic<String, IngestError> errors;

  @TempDir
  Path stateDir;

  @BeforeEach
  void start() {
    startWith(TopologyConfig.defaults().withBuffer(0));
  }

  void startWith(TopologyConfig config) {
    TopologyHarness harness = new TopologyHarness(config, stateDir, props -> {});
    driver = harness.driver;
    features = harness.features;
    catalog = harness.catalog;
    tiles = harness.tiles;
    errors = harness.errors;
  }

  @AfterEach
  void stop() {
    internalTopics.clear();
    driver.close();
  }

  @Test
  void anRclIsEmittedOnlyOnceEveryExpectedChartHasEnded() {
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    ChartFixture b = new ChartFixture("US5BBBBB", 1, 0).feature("LNDARE", ChartFixture.square(LON + 0.001, LAT, 0.004));
    catalog.pipeInput("US5AAAAA", a.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    catalog.pipeInput("US5BBBBB", b.catalogEntry(ChartFixture.square(LON + 0.001, LAT, 0.004)));
    send(a);
    assertTrue(emitted().isEmpty(), "B is expected in the RCL and has not ended");
    send(b);
    List<RclTile> out = emitted();
    assertEquals(1, out.size());
    RclTile tile = out.getFirst();
    assertEquals(home(LON, LAT).encoded(), tile.getRcl());
    assertEquals(Set.of("US5AAAAA", "US5BBBBB"), charts(tile).keySet());
    assertEquals(2, features(tile).size());
    assertEquals(1, tile.getSequence());
  }

  @Test
  void chartsInAnyOrderGiveTheSameTiles() {
    Map<Long, String> first = run(List.of("A", "B"));
    stop();
    start();
    Map<Long, String> second = run(List.of("B", "A"));
    assertEquals(first, second);
    assertEquals(2, first.size());
  }

  private Map<Long, String> run(List<String> order) {
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")");
    ChartFixture b = new ChartFixture("US5BBBBB", 1, 0).feature("LNDARE", ChartFixture.square(LON, LAT, 0.004));
    catalog.pipeInput("US5AAAAA", a.catalogEntry(WEST_AND_EAST));
    catalog.pipeInput("US5BBBBB", b.catalogEntry(ChartFixture.square(LON, LAT, 0.004)));
    order.forEach(which -> send(which.equals("A") ? a : b));
    Map<Long, String> hashes = new TreeMap<>();
    emitted().forEach(t -> hashes.put(t.getRcl(), t.getContentHash()));
    return hashes;
  }

  @Test
  void aChartWithNoFeatureInAnExpectedRclStillFinishesIt() {
    // Coverage over two RCLs, features in one of them only.
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    catalog.pipeInput("US5AAAAA", a.catalogEntry(WEST_AND_EAST));
    send(a);
    Map<Long, RclTile> out = byRcl(emitted());
    RclTile empty = out.get(home(EAST, LAT).encoded());
    assertEquals(0, features(empty).size());
    assertEquals(0, charts(empty).get("US5AAAAA").getPieceCount());
    assertEquals(1, features(out.get(home(LON, LAT).encoded())).size());
  }

  @Test
  void anUpdateReEmitsOnlyTheRclsWhoseContentChanged() {
    String coverage = WEST_AND_EAST;
    ChartFixture v0 = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")", Map.of("COLOUR", "3"));
    catalog.pipeInput("US5AAAAA", v0.catalogEntry(coverage));
    send(v0);
    Map<Long, RclTile> before = byRcl(emitted());
    assertEquals(2, before.size());
    ChartFixture v1 = new ChartFixture("US5AAAAA", 1, 1).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")", Map.of("COLOUR", "4"));
    catalog.pipeInput("US5AAAAA", v1.catalogEntry(coverage));
    send(v1);
    List<RclTile> after = emitted();
    // Only the buoy's RCL shows something new; the depth area's RCL is left as it was.
    assertEquals(1, after.size());
    RclTile tile = after.getFirst();
    assertEquals(home(EAST, LAT).encoded(), tile.getRcl());
    assertEquals(2, tile.getSequence());
    assertEquals(v1.revision(), charts(tile).get("US5AAAAA").getRevision());
    features(tile).forEach(f -> assertEquals(v1.revision(), f.getRevision(), "features of the superseded version vanish"));
    assertEquals("4", features(tile).getFirst().getAttributes().get("COLOUR"));
  }

  /**
   * The oracle for sending only what an update changes: a chart taken through three versions
   * (a feature modified in place, one moved to another RCL, one deleted, one inserted, split
   * soundings sharing an LNAM with one of them removed) ends with the tiles, by content hash, of
   * a topology that saw only the last version.
   */
  @Test
  void anUpdatedChartEndsWithTheTilesOfACleanRunOfItsLastVersion() {
    String coverage = WEST_AND_EAST;
    String west = "POINT (" + LON + " " + LAT + ")";
    String east = "POINT (" + EAST + " " + LAT + ")";
    ChartFixture v0 = new ChartFixture("US5AAAAA", 1, 0)
        .named("A", "DEPARE", ChartFixture.square(LON, LAT, 0.01), Map.of("DRVAL1", 5.0))
        .named("B", "BOYLAT", west, Map.of("COLOUR", "3"))
        .named("C", "LNDMRK", west, Map.of())
        .named("S", "SOUNDG", String.format(java.util.Locale.ROOT, "POINT Z (%f %f 5.1)", LON, LAT), Map.of())
        .named("S", "SOUNDG", String.format(java.util.Locale.ROOT, "POINT Z (%f %f 7.5)", EAST, LAT), Map.of())
        .named("S", "SOUNDG", String.format(java.util.Locale.ROOT, "POINT Z (%f %f 9.0)", EAST, LAT), Map.of());
    ChartFixture v1 = new ChartFixture("US5AAAAA", 1, 1)
        .named("A", "DEPARE", ChartFixture.square(LON, LAT, 0.01), Map.of("DRVAL1", 10.0)) // modified in place
        .named("B", "BOYLAT", east, Map.of("COLOUR", "3")) // moved east
        .named("S", "SOUNDG", String.format(java.util.Locale.ROOT, "POINT Z (%f %f 5.1)", LON, LAT), Map.of())
        .named("S", "SOUNDG", String.format(java.util.Locale.ROOT, "POINT Z (%f %f 7.5)", EAST, LAT), Map.of()) // third sounding gone, C deleted
        .named("D", "LNDMRK", east, Map.of()); // inserted
    ChartFixture v2 = new ChartFixture("US5AAAAA", 1, 2)
        .named("A", "DEPARE", ChartFixture.square(LON, LAT, 0.01), Map.of("DRVAL1", 10.0))
        .named("B", "BOYLAT", east, Map.of("COLOUR", "4")) // modified again
        .named("S", "SOUNDG", String.format(java.util.Locale.ROOT, "POINT Z (%f %f 5.1)", LON, LAT), Map.of())
        .named("S", "SOUNDG", String.format(java.util.Locale.ROOT, "POINT Z (%f %f 7.5)", EAST, LAT), Map.of())
        .named("D", "LNDMRK", east, Map.of());
    catalog.pipeInput("US5AAAAA", v0.catalogEntry(coverage));
    send(v0);
    Map<Long, RclTile> latest = byRcl(emitted());
    for (ChartFixture next : List.of(v1, v2)) {
      catalog.pipeInput("US5AAAAA", next.catalogEntry(coverage));
      send(next);
      latest.putAll(byRcl(emitted()));
    }

    stop();
    start();
    catalog.pipeInput("US5AAAAA", v2.catalogEntry(coverage));
    send(v2);
    Map<Long, RclTile> clean = byRcl(emitted());
    assertEquals(clean.keySet(), latest.keySet());
    for (long rcl : clean.keySet()) {
      assertEquals(clean.get(rcl).getContentHash(), latest.get(rcl).getContentHash(), "RCL " + RclKey.decode(rcl));
      assertEquals(lnamsOf(clean.get(rcl)), lnamsOf(latest.get(rcl)));
    }
    assertEquals(List.of("B", "D", "S"), lnamsOf(clean.get(home(EAST, LAT).encoded())).stream().distinct().sorted().toList());
    assertEquals(List.of("A", "S"), lnamsOf(clean.get(home(LON, LAT).encoded())).stream().distinct().sorted().toList());
  }

  @Test
  void anUpdateThatChangesOneFeatureSendsOnlyItsRclsSectionThroughTheRepartition() {
    ChartFixture v0 = new ChartFixture("US5AAAAA", 1, 0).named("A", "DEPARE", ChartFixture.square(LON, LAT, 0.01), Map.of())
        .named("B", "BOYLAT", "POINT (" + EAST + " " + LAT + ")", Map.of("COLOUR", "3"))
        .named("C", "LNDMRK", "POINT (" + EAST + " " + LAT + ")", Map.of());
    catalog.pipeInput("US5AAAAA", v0.catalogEntry(WEST_AND_EAST));
    send(v0);
    emitted();
    var repartition = internal(ChartTopology.RCL_EVENTS + "-repartition");
    var pieces = internal(StoreNames.CHART_PIECES + "-changelog");
    repartition.readRecordsToList();
    pieces.readRecordsToList();
    ChartFixture v1 = new ChartFixture("US5AAAAA", 1, 1).named("A", "DEPARE", ChartFixture.square(LON, LAT, 0.01), Map.of())
        .named("B", "BOYLAT", "POINT (" + EAST + " " + LAT + ")", Map.of("COLOUR", "4"))
        .named("C", "LNDMRK", "POINT (" + EAST + " " + LAT + ")", Map.of());
    catalog.pipeInput("US5AAAAA", v1.catalogEntry(WEST_AND_EAST));
    send(v1);
    var sent = repartition.readRecordsToList();
    assertEquals(1, sent.size(), "one record: the section of the buoy's RCL");
    assertEquals(home(EAST, LAT).encoded(), (long) Long.valueOf(new java.math.BigInteger(1, sent.getFirst().key()).longValue()));
    assertEquals(1, pieces.readRecordsToList().size(), "only the changed buoy was placed and stored again");
    RclTile east = byRcl(emitted()).get(home(EAST, LAT).encoded());
    assertEquals(List.of("B", "C"), lnamsOf(east));
    assertEquals("4", features(east).getFirst().getAttributes().get("COLOUR"));
    assertEquals(v0.revision(), features(east).get(1).getRevision(), "the landmark the update left alone keeps the version that placed it");
  }

  /**
   * The grain of the data path: what each changelog and the repartition topic receive for a
   * chart whose 40 features each lie in two RCLs (80 pieces), placed and then updated in one
   * feature. Per feature on the clip side, per (chart, RCL) after it: never per piece.
   */
  @Test
  void noChangelogOrRepartitionRecordIsPerPiece() {
    ChartFixture v0 = new ChartFixture("US5AAAAA", 1, 0);
    ChartFixture v1 = new ChartFixture("US5AAAAA", 1, 1);
    // Lines across the edge between the two RCLs, so each has a piece on both sides.
    double edgeX = RclGrid.worldMercator().tileEnvelope(home(LON, LAT)).getMaxX();
    double edgeLon = Math.toDegrees(edgeX / 6378137.0);
    int features = 40;
    for (int i = 0; i < features; i++) {
      String line = String.format(java.util.Locale.ROOT, "LINESTRING (%f %f, %f %f)", edgeLon - 0.01, LAT + 0.0001 * i,
          edgeLon + 0.01, LAT + 0.0001 * i);
      v0.named("F" + i, "DEPCNT", line, Map.of("VALDCO", (double) i));
      v1.named("F" + i, "DEPCNT", line, Map.of("VALDCO", i == 7 ? 77.0 : (double) i));
    }
    catalog.pipeInput("US5AAAAA", v0.catalogEntry(ChartFixture.square(edgeLon, LAT + 0.002, 0.004)));
    send(v0);
    Map<Long, RclTile> tiles = byRcl(emitted());
    int pieces = tiles.values().stream().mapToInt(t -> features(t).size()).sum();
    assertTrue(pieces >= 2 * features, "every feature in two RCLs or more: " + pieces + " pieces");
    Map<String, Integer> base = recordsPerTopic();
    send(v1);
    Map<Long, RclTile> updated = byRcl(emitted());
    Map<String, Integer> update = recordsPerTopic();
    System.out.printf("%d features, %d pieces in %d RCLs; records per internal topic, base version %s, update of one feature %s%n",
        features, pieces, tiles.size(), base, update);

    String repartition = "chartstream-test-" + ChartTopology.RCL_EVENTS + "-repartition";
    assertEquals(2 * tiles.size(), base.get(repartition), "a section for each RCL, and the catalogue's expectation");
    assertEquals(features, base.get(changelog(StoreNames.CHART_PIECES)), "one record per feature");
    assertEquals(features, base.get(changelog(StoreNames.CHART_FEATURES)), "one record per feature");
    assertEquals(tiles.size(), base.get(changelog(StoreNames.RCL_SECTIONS)), "one record per (RCL, chart)");
    assertEquals(updated.size(), update.get(repartition), "a section to each RCL the updated feature is in, and no more");
    assertTrue(updated.size() < tiles.size() || tiles.size() == 2, "the update reached only its feature's RCLs");
    assertEquals(1, update.get(changelog(StoreNames.CHART_PIECES)));
    assertEquals(features, update.get(changelog(StoreNames.CHART_FEATURES)), "a version marks every feature it saw");
    for (var topic : base.entrySet()) {
      assertTrue(topic.getValue() < pieces, topic.getKey() + " has a record per piece: " + topic.getValue());
    }
  }

  /** Records each internal topic received since the last call. */
  private Map<String, Integer> recordsPerTopic() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String topic : driver.producedTopicNames()) {
      if (topic.startsWith("chartstream-test-")) {
        counts.put(topic, internal(topic.substring("chartstream-test-".length())).readRecordsToList().size());
      }
    }
    return counts;
  }

  private final Map<String, TestOutputTopic<byte[], byte[]>> internalTopics = new HashMap<>();

  private TestOutputTopic<byte[], byte[]> internal(String suffix) {
    return internalTopics.computeIfAbsent(suffix, s -> driver.createOutputTopic("chartstream-test-" + s,
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer()));
  }

  private static String changelog(String store) {
    return "chartstream-test-" + store + "-changelog";
  }

  private static List<TileFeature> features(RclTile tile) {
    return TileFeatures.of(tile);
  }

  private static List<String> lnamsOf(RclTile tile) {
    return features(tile).stream().map(TileFeature::getLnam).toList();
  }

  @Test
  void aNewEditionThatShrinksCoverageEmptiesTheRclsItLeft() {
    ChartFixture v1 = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")");
    catalog.pipeInput("US5AAAAA", v1.catalogEntry(WEST_AND_EAST));
    send(v1);
    assertEquals(2, emitted().size());
    ChartFixture v2 = new ChartFixture("US5AAAAA", 2, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    catalog.pipeInput("US5AAAAA", v2.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    send(v2);
    Map<Long, RclTile> after = byRcl(emitted());
    RclTile left = after.get(home(EAST, LAT).encoded());
    assertEquals(0, features(left).size(), "the buoy of edition 1 vanished from the RCL edition 2 no longer covers");
    assertTrue(left.getCharts().isEmpty());
    assertEquals(2, left.getSequence());
    assertEquals(Set.of(home(EAST, LAT).encoded()), after.keySet(), "the depth area's RCL shows the same as before");
  }

  @Test
  void anOlderVersionArrivingLateChangesNothing() {
    ChartFixture v1 = new ChartFixture("US5AAAAA", 1, 1).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    ChartFixture v0 = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.02));
    catalog.pipeInput("US5AAAAA", v1.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    send(v1);
    RclTile tile = emitted().getFirst();
    send(v0);
    assertTrue(emitted().isEmpty(), "the older version was applied");
    assertEquals(v1.revision(), charts(tile).get("US5AAAAA").getRevision());
  }

  @Test
  void aDuplicateRedeliveryEmitsNothingNew() {
    ChartFixture v0 = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    catalog.pipeInput("US5AAAAA", v0.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    send(v0);
    assertEquals(1, emitted().size());
    send(v0);
    assertTrue(emitted().isEmpty());
  }

  @Test
  void anExchangeSetBoxIsExpectedUntilTheCellRefinesIt() {
    // CATALOG.031 announces A over a box around both positions; A's cell covers only the west one.
    catalog.pipeInput("US5AAAAA", ChartFixture.exchangeSetEntry("US5AAAAA", LAT - 0.005, LON - 0.005, LAT + 0.005, EAST + 0.005));
    ChartFixture b = new ChartFixture("US5BBBBB", 1, 0).feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")");
    catalog.pipeInput("US5BBBBB", b.catalogEntry(ChartFixture.square(EAST, LAT, 0.01)));
    send(b);
    assertTrue(emitted().isEmpty(), "A is expected east as well until its cell says otherwise");
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    catalog.pipeInput("US5AAAAA", a.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    send(a);
    Map<Long, RclTile> out = byRcl(emitted());
    assertEquals(Set.of("US5BBBBB"), charts(out.get(home(EAST, LAT).encoded())).keySet());
    assertEquals(Set.of("US5AAAAA"), charts(out.get(home(LON, LAT).encoded())).keySet());
  }

  @Test
  void anUnrepairableGeometryIsReportedNotDropped() {
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("DEPARE", "POLYGON ((" + LON + " " + LAT + ", " + (LON + 0.01) + " " + (LAT + 0.01) + ", " + (LON + 0.01) + " " + LAT
            + ", " + LON + " " + (LAT + 0.01) + ", " + LON + " " + LAT + "))");
    catalog.pipeInput("US5AAAAA", a.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    send(a);
    List<IngestError> reported = errors.readValuesToList();
    assertEquals(1, reported.size(), "the bow-tie is reported: " + reported);
    assertEquals("US5AAAAA", reported.getFirst().getChartId());
    assertTrue(List.of("repaired_geometry", "unrepairable_geometry").contains(reported.getFirst().getCode()));
    List<TileFeature> placed = features(emitted().getFirst());
    assertTrue(placed.stream().anyMatch(f -> f.getFeatureIndex() == 1) || reported.getFirst().getCode().equals("unrepairable_geometry"),
        "a repaired feature is placed");
  }

  @Test
  void withThePresentationStagesEveryPieceIsStyledAndTriangulated() throws Exception {
    stop();
    var presentation = io.chartstream.topology.s52.BuiltInPresentation.load(java.nio.file.Path.of("..", "config", "s52"));
    startWith(TopologyConfig.defaults().withBuffer(0).withStages(io.chartstream.topology.S57ChartProfile.presentation(RclGrid.worldMercator(), presentation,
        io.chartstream.topology.s52.MarinerSettings.defaults(), io.chartstream.topology.s52.TableChoice.defaults())));
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0)
        .feature("DEPARE", ChartFixture.square(LON, LAT, 0.01), Map.of("DRVAL1", 5.0, "DRVAL2", 10.0))
        .feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")", Map.of("BOYSHP", 2L, "COLOUR", new io.chartstream.schema.avro.StringList(List.of("3"))));
    catalog.pipeInput("US5AAAAA", a.catalogEntry(WEST_AND_EAST));
    send(a);
    List<TileFeature> placed = new ArrayList<>();
    emitted().forEach(t -> placed.addAll(features(t)));
    assertEquals(2, placed.size());
    for (TileFeature f : placed) {
      assertTrue(f.getStyle() != null && !f.getStyle().getFallback(), f.getObjectClass() + " styled: " + f);
      assertTrue(f.getDisplayPoint() != null, f.getObjectClass() + " has its display point");
    }
    TileFeature area = placed.stream().filter(f -> f.getObjectClass().equals("DEPARE")).findFirst().orElseThrow();
    assertTrue(area.getTriangles() != null && area.getTriangles().getIndices().size() >= 6, "a square is two triangles or more");
    assertTrue(area.getStyle().getInstructions().stream().anyMatch(i -> i.startsWith("AC(")), "a depth area is filled: " + area.getStyle());
  }

  // --- helpers

  private void send(ChartFixture chart) {
    chart.records().forEach(r -> features.pipeInput(chartIdOf(chart), r));
    driver.advanceWallClockTime(Duration.ofSeconds(2));
  }

  private static String chartIdOf(ChartFixture chart) {
    return ((io.chartstream.schema.avro.ChartStart) chart.records().getFirst()).getChartId();
  }

  private List<RclTile> emitted() {
    driver.advanceWallClockTime(Duration.ofSeconds(2));
    return tiles.readValuesToList();
  }

  private static Map<Long, RclTile> byRcl(List<RclTile> list) {
    Map<Long, RclTile> map = new HashMap<>();
    list.forEach(t -> map.put(t.getRcl(), t));
    return map;
  }

  private static Map<String, ChartContribution> charts(RclTile tile) {
    return tile.getCharts().stream().collect(Collectors.toMap(ChartContribution::getChartId, c -> c));
  }

  /** The level-13 RCL of a lon/lat position, through the same projection and grid as the topology. */
  static RclKey home(double lon, double lat) {
    var p = Reprojector.to("EPSG:3395").project(new GeometryFactory().createPoint(new Coordinate(lon, lat))).getCoordinate();
    return RclGrid.worldMercator().tileAt(p.x, p.y, 13);
  }
}
