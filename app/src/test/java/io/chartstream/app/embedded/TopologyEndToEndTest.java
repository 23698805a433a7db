package io.chartstream.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.app.ConfigDir;
import io.chartstream.app.TopologySettings;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.serde.AvroWireDeserializer;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.project.Reprojector;
import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.streams.ChartTopology;
import io.chartstream.topology.streams.TopologyConfig;
import io.chartstream.schema.tile.TileFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import io.chartstream.topology.streams.StoreNames;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKBReader;

/**
 * Ingest and the topology on the embedded broker over all shared cells: every source feature
 * with geometry reaches a finished RCL, no RCL is emitted before its expected charts ended, and
 * an update file re-emits only RCLs whose content it changes.
 */
class TopologyEndToEndTest {
  @TempDir Path workDir;

  @Test
  void everyFeatureReachesAFinishedRclAndNoRclIsEmittedEarly() throws Exception {
    TopologyConfig withPresentation = TopologySettings.toConfig(ConfigDir.find(), null);
    try (IngestHarness harness = new IngestHarness(SharedData.s57(), workDir);
         EmbeddedTopology topology = EmbeddedTopology.start(harness.bootstrap(), harness.schemaRegistry.url(), workDir,
             withPresentation, 1, (short) 1)) {
      harness.awaitComplete(Duration.ofMinutes(3));
      List<TileDump.Emission> emissions = TileDump.whenSettled(harness.bootstrap(), harness.registry, Duration.ofSeconds(8), Duration.ofMinutes(4));
      assertFalse(emissions.isEmpty());

      // The last emission of each RCL, as the compacted topic keeps it.
      Map<Long, RclTile> latest = new TreeMap<>();
      emissions.forEach(e -> latest.put(e.tile().getRcl(), e.tile()));
      Set<String> placed = new HashSet<>();
      latest.values().forEach(t -> TileFeatures.of(t).forEach(f -> placed.add(id(f.getChartId(), f.getFeatureIndex()))));

      var events = new AvroWireDeserializer<Object>(harness.registry, TopicSchemas.CHART_EVENT);
      Map<String, Long> endedAt = new HashMap<>();
      List<String> missing = new ArrayList<>();
      int withGeometry = 0;
      for (var record : TopicDump.read(harness.bootstrap(), Topics.S57_FEATURES)) {
        Object event = events.deserialize(Topics.S57_FEATURES, record.value());
        if (event instanceof S57Feature f && f.getGeometry() != null) {
          withGeometry++;
          if (!placed.contains(id(f.getChartId(), f.getIndex())) && missing.size() < 20) {
            missing.add(f.getChartId() + " " + f.getObjectClass() + " #" + f.getIndex());
          }
        } else if (event instanceof ChartEnd end) {
          endedAt.put(end.getChartId(), record.timestamp());
        }
      }
      assertTrue(withGeometry > 40_000, "source features with geometry: " + withGeometry);
      assertTrue(missing.isEmpty(), "source features in no RCL: " + missing);

      // Expected charts per RCL from the catalogue, through the same projection and clipper.
      Map<Long, Set<String>> expected = expectedCharts(harness);
      for (TileDump.Emission emission : emissions) {
        RclTile tile = emission.tile();
        for (String chart : expected.getOrDefault(tile.getRcl(), Set.of())) {
          Long ended = endedAt.get(chart);
          assertTrue(ended != null && ended <= emission.timestamp(),
              "RCL " + tile.getLevel() + "/" + tile.getRow() + "/" + tile.getCol() + " emitted before expected chart " + chart + " ended");
        }
      }
      for (var entry : expected.entrySet()) {
        RclTile tile = latest.get(entry.getKey());
        assertTrue(tile != null, "an expected RCL was never emitted: " + entry.getKey());
        Set<String> contributing = new HashSet<>();
        tile.getCharts().forEach(c -> contributing.add(c.getChartId()));
        assertTrue(contributing.containsAll(entry.getValue()), "RCL " + entry.getKey() + " lacks " + entry.getValue());
      }
      System.out.printf("%d source features with geometry in %d RCLs (%d emissions)%n", withGeometry, latest.size(), emissions.size());
      everyPieceIsPresented(latest.values(), withGeometry);
      recordsStayWithinBrokerLimits(harness);
      noInternalRecordIsPerPiece(harness, withGeometry, latest.values().stream().mapToInt(TileFeatures::count).sum());
    }
  }

  /**
   * The presentation stages ran on every piece: area pieces carry triangles, every piece a
   * style, and every source feature exactly one display point over all the RCLs it is in.
   */
  private static void everyPieceIsPresented(java.util.Collection<RclTile> tiles, int featuresWithGeometry) {
    Map<String, Integer> displayPoints = new HashMap<>();
    Set<String> features = new HashSet<>();
    Set<String> styled = new HashSet<>();
    int areaPieces = 0;
    List<String> unstyled = new ArrayList<>();
    for (RclTile tile : tiles) {
      for (TileFeature f : TileFeatures.of(tile)) {
        String id = id(f.getChartId(), f.getFeatureIndex());
        features.add(id);
        if (f.getStyle() == null) {
          unstyled.add(id + " " + f.getObjectClass() + " in " + tile.getLevel() + "/" + tile.getRow() + "/" + tile.getCol()
              + " seq " + tile.getSequence() + " charts " + tile.getCharts());
          continue;
        }
        if (!f.getStyle().getFallback()) {
          styled.add(id);
        }
        if (f.getPrimitive() == 3 && f.getTriangles() != null) {
          areaPieces++;
          assertTrue(f.getTriangles().getIndices().size() % 3 == 0 && !f.getTriangles().getIndices().isEmpty());
        }
        if (f.getDisplayPoint() != null) {
          displayPoints.merge(id, 1, Integer::sum);
        }
      }
    }
    assertTrue(unstyled.isEmpty(), unstyled.size() + " unstyled pieces: " + unstyled.stream().limit(10).toList());
    List<String> wrong = features.stream().filter(id -> displayPoints.getOrDefault(id, 0) != 1).limit(10).toList();
    assertTrue(wrong.isEmpty(), "features without exactly one display point: " + wrong);
    assertTrue(areaPieces > 1000, "area pieces with triangles: " + areaPieces);
    System.out.printf("presentation: %d features, %d with a non-fallback style (%.1f %%), %d triangulated area pieces%n",
        features.size(), styled.size(), 100.0 * styled.size() / features.size(), areaPieces);
  }


  /**
   * The grain of the data path on real charts: the clip side writes a record per source feature
   * (or fewer: a feature without geometry writes none), the repartition topic and the RCL side a
   * record per (chart version, RCL) part, far fewer than the pieces. Prints records per source
   * feature for each internal topic.
   */
  private static void noInternalRecordIsPerPiece(IngestHarness harness, int features, int pieces) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", harness.bootstrap()))) {
      Map<String, Integer> records = new TreeMap<>();
      for (String topic : admin.listTopics().names().get()) {
        if (topic.startsWith(EmbeddedTopology.APPLICATION_ID + "-")) {
          records.put(topic.substring(EmbeddedTopology.APPLICATION_ID.length() + 1), TopicDump.read(harness.bootstrap(), topic).size());
        }
      }
      records.forEach((topic, n) -> System.out.printf("records per source feature on %s: %.3f (%,d)%n", topic, (double) n / features, n));
      System.out.printf("pieces per source feature: %.3f (%,d pieces)%n", (double) pieces / features, pieces);
      String repartition = ChartTopology.RCL_EVENTS + "-repartition";
      assertTrue(records.get(repartition) < pieces / 10, repartition + ": " + records.get(repartition) + " records for " + pieces + " pieces");
      assertTrue(records.get(StoreNames.RCL_SECTIONS + "-changelog") < pieces / 10, "rcl-sections: " + records);
      assertTrue(records.get(StoreNames.CHART_PIECES + "-changelog") <= features, "chart-pieces: " + records);
      assertTrue(records.get(StoreNames.CHART_FEATURES + "-changelog") <= features, "chart-features: " + records);
    }
  }

  /**
   * No store, changelog or repartition record grows with tile density: the largest is far below
   * the broker's default 1 MB (a chart's section of an RCL is cut into parts, ChartSections).
   * Only rcl.tiles carries whole tiles, on a topic created with its own limit (documented in
   * ARCHITECTURE.md), which the densest shared tile stays within.
   */
  private static void recordsStayWithinBrokerLimits(IngestHarness harness) throws Exception {
    int brokerDefault = 1_048_588;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", harness.bootstrap()))) {
      Set<String> internal = new TreeSet<>();
      admin.listTopics().names().get().stream().filter(t -> t.startsWith(EmbeddedTopology.APPLICATION_ID + "-")).forEach(internal::add);
      // The names TopologyStateFormat tells the state format by.
      assertTrue(internal.contains(TopologyStateFormat.changelog(EmbeddedTopology.APPLICATION_ID, StoreNames.RCL_SECTIONS)), "internal: " + internal);
      assertTrue(internal.contains(TopologyStateFormat.changelog(EmbeddedTopology.APPLICATION_ID, StoreNames.CHART_PIECES)), "internal: " + internal);
      assertFalse(internal.contains(TopologyStateFormat.changelog(EmbeddedTopology.APPLICATION_ID, TopologyStateFormat.EARLIER_PIECES)));
      assertTrue(internal.stream().anyMatch(t -> t.endsWith("rcl-events-repartition")), "internal topics: " + internal);
      for (String topic : internal) {
        int largest = TopicDump.read(harness.bootstrap(), topic).stream()
            .mapToInt(r -> r.value() == null ? 0 : r.value().length).max().orElse(0);
        System.out.printf("largest record on %s: %,d bytes%n", topic, largest);
        assertTrue(largest < brokerDefault / 2, topic + " has a record of " + largest + " bytes");
      }
      var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RCL_TILES);
      var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertEquals(String.valueOf(ChartTopics.MAX_TILE_BYTES), config.get("max.message.bytes").value());
      assertEquals("compact", config.get("cleanup.policy").value());
      int densest = TopicDump.read(harness.bootstrap(), Topics.RCL_TILES).stream().mapToInt(r -> r.value().length).max().orElse(0);
      System.out.printf("densest tile on rcl.tiles: %,d bytes (limit %,d)%n", densest, ChartTopics.MAX_TILE_BYTES);
      assertTrue(densest < ChartTopics.MAX_TILE_BYTES);
    }
  }

  @Test
  void anUpdateFileReEmitsOnlyTheRclsWhoseContentItChanges(@TempDir Path input) throws Exception {
    Path cell = SharedData.s57().resolve("US4IL10M");
    Files.copy(cell.resolve("US4IL10M.000"), input.resolve("US4IL10M.000"));
    try (IngestHarness harness = new IngestHarness(input, workDir);
         EmbeddedTopology topology = EmbeddedTopology.start(harness.bootstrap(), harness.schemaRegistry.url(), workDir,
             TopologyConfig.defaults(), 1, (short) 1)) {
      harness.awaitComplete(Duration.ofMinutes(2));
      List<TileDump.Emission> before = TileDump.whenSettled(harness.bootstrap(), harness.registry, Duration.ofSeconds(6), Duration.ofMinutes(2));
      Map<Long, RclTile> base = new TreeMap<>();
      before.forEach(e -> base.put(e.tile().getRcl(), e.tile()));

      Files.copy(cell.resolve("US4IL10M.001"), input.resolve("US4IL10M.001"));
      harness.awaitComplete(Duration.ofMinutes(2));
      List<TileDump.Emission> all = TileDump.whenSettled(harness.bootstrap(), harness.registry, Duration.ofSeconds(6), Duration.ofMinutes(2));
      List<RclTile> reEmitted = all.subList(before.size(), all.size()).stream().map(TileDump.Emission::tile).toList();

      assertFalse(reEmitted.isEmpty(), "the update changed no RCL");
      assertTrue(reEmitted.size() < base.size(), "the update re-emitted every RCL (" + base.size() + ")");
      Set<Long> changedByUpdate = rclsOfFeaturesTheUpdateChanged(before, reEmitted);
      for (RclTile tile : reEmitted) {
        RclTile earlier = base.get(tile.getRcl());
        assertTrue(earlier == null || !earlier.getContentHash().equals(tile.getContentHash()), "re-emitted with the same content");
        assertEquals(earlier == null ? 1 : earlier.getSequence() + 1, tile.getSequence());
        assertTrue(changedByUpdate.contains(tile.getRcl()), "RCL " + tile.getRcl() + " re-emitted though no feature in it changed");
        tile.getCharts().stream().map(ChartContribution::getRevision).forEach(r -> assertTrue(r.startsWith("7:1:"), r));
      }
      System.out.printf("US4IL10M.001 re-emitted %d of %d RCLs%n", reEmitted.size(), base.size());
    }
  }

  /** RCLs where a feature's piece differs (by LNAM: added, deleted, or changed) between the two emissions. */
  private static Set<Long> rclsOfFeaturesTheUpdateChanged(List<TileDump.Emission> before, List<RclTile> after) {
    Map<Long, Map<String, List<String>>> old = new HashMap<>();
    before.forEach(e -> old.put(e.tile().getRcl(), content(e.tile())));
    Set<Long> changed = new HashSet<>();
    for (RclTile tile : after) {
      if (!content(tile).equals(old.getOrDefault(tile.getRcl(), Map.of()))) {
        changed.add(tile.getRcl());
      }
    }
    return changed;
  }

  private static Map<String, List<String>> content(RclTile tile) {
    Map<String, List<String>> byLnam = new TreeMap<>();
    for (TileFeature f : TileFeatures.of(tile)) {
      byte[] wkb = new byte[f.getGeometry().remaining()];
      f.getGeometry().duplicate().get(wkb);
      byLnam.computeIfAbsent(f.getLnam(), l -> new ArrayList<>()).add(f.getObjectClass() + f.getAttributes()
          + java.util.HexFormat.of().formatHex(wkb));
    }
    return byLnam;
  }

  private static Map<Long, Set<String>> expectedCharts(IngestHarness harness) throws Exception {
    var catalog = new AvroWireDeserializer<ChartCatalogEntry>(harness.registry, TopicSchemas.CATALOG_ENTRY);
    Map<String, ChartCatalogEntry> entries = new TreeMap<>();
    for (var record : TopicDump.read(harness.bootstrap(), Topics.CHARTS_CATALOG)) {
      ChartCatalogEntry entry = catalog.deserialize(Topics.CHARTS_CATALOG, record.value());
      entries.put(entry.getChartId(), entry);
    }
    Reprojector mercator = Reprojector.to("EPSG:3395");
    TileClipper clipper = new TileClipper(RclGrid.worldMercator(), TopologyConfig.defaults().bufferFraction());
    Map<Long, Set<String>> expected = new HashMap<>();
    for (ChartCatalogEntry entry : entries.values()) {
      byte[] wkb = new byte[entry.getCoverage().remaining()];
      entry.getCoverage().duplicate().get(wkb);
      int level = LevelTable.defaults().levelFor(entry.getChartId(), entry.getCompilationScale());
      clipper.clip(mercator.project(new WKBReader().read(wkb)), level).pieces()
          .forEach(p -> expected.computeIfAbsent(p.rcl().encoded(), r -> new HashSet<>()).add(entry.getChartId()));
    }
    return expected;
  }

  private static String id(String chartId, int index) {
    return chartId + "#" + index;
  }
}
