package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.topology.rcl.LevelTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No record makes a stage work without bound, and no promised chart holds its RCLs forever: a
 * CATALOG.031 box around the whole world, and a feature with a coordinate across the globe, are
 * each one dead letter while the rest is produced; an exchange-set entry released (its cell never
 * came) lets the RCLs waiting for it be emitted. Harbour charts (band 5, level 13) near Seattle.
 */
class BoundedWorkTest {
  static final double LON = ChartTopologyTest.LON;
  static final double LAT = ChartTopologyTest.LAT;
  /** Every test must finish in a fraction of this; before the bound the world box never did. */
  static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path stateDir;
  TopologyHarness topology;
  TestInputTopic<String, ChartCatalogEntry> catalog;
  TestOutputTopic<String, IngestError> errors;

  @BeforeEach
  void start() {
    start(TopologyConfig.defaults(), stateDir);
  }

  void start(TopologyConfig config, Path state) {
    topology = new TopologyHarness(config, state, props -> { });
    catalog = topology.catalog;
    errors = topology.errors;
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  @Test
  void aCatalogueBoxAroundTheWorldIsOneDeadLetterAndTheChartIsProducedFromItsCoverage() {
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    ChartCatalogEntry world = ChartFixture.exchangeSetEntry("US5AAAAA", -80, -180, 84, 180);
    world.setCatalogFile("set/CATALOG.031");
    assertTimeoutPreemptively(BOUND, () -> catalog.pipeInput("US5AAAAA", world));
    List<IngestError> dead = errors.readValuesToList();
    assertEquals(1, dead.size(), dead.toString());
    IngestError error = dead.getFirst();
    assertEquals("catalog_box_too_large", error.getCode());
    assertEquals("set/CATALOG.031", error.getFile());
    assertEquals("US5AAAAA", error.getChartId());
    assertTrue(error.getReason().contains("level 13") && error.getReason().contains("16,384"), error.getReason());

    catalog.pipeInput("US5AAAAA", a.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    send(a);
    List<RclTile> out = emitted();
    assertEquals(Set.of(ChartTopologyTest.home(LON, LAT).encoded()), rcls(out), "the chart's tile, from its coverage");
    assertTrue(errors.readValuesToList().isEmpty());
  }

  @Test
  void aFeatureAcrossTheGlobeIsOneDeadLetterAndTheRestOfTheChartIsPlaced() {
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0)
        .feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("COALNE", "LINESTRING (" + LON + " " + LAT + ", 150 -40)") // a stray vertex on another continent
        .feature("LNDARE", ChartFixture.square(LON + 0.001, LAT, 0.004));
    catalog.pipeInput("US5AAAAA", a.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    assertTimeoutPreemptively(BOUND, () -> send(a));
    List<IngestError> dead = errors.readValuesToList();
    assertEquals(List.of("too_many_tiles"), dead.stream().map(IngestError::getCode).toList(), dead.toString());
    assertEquals("US5AAAAA#COALNE/1", dead.getFirst().getFile());
    List<RclTile> out = emitted();
    assertEquals(1, out.size());
    assertEquals(2, TileFeatures.of(out.getFirst()).size(), "the two other features");
  }

  @Test
  void theLimitIsTheLevelTables() {
    // One tile allowed at level 13: the 0.1-degree square (a few tiles wide) is refused, a point is not.
    topology.close();
    var props = new Properties();
    props.setProperty("rcls.max.13", "1");
    start(TopologyConfig.defaults().withLevels(LevelTable.fromProperties(props)), stateDir.resolve("one"));
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0)
        .feature("DEPARE", ChartFixture.square(LON, LAT, 0.1))
        .feature("SOUNDG", "POINT (" + LON + " " + LAT + ")");
    send(a);
    assertEquals(List.of("US5AAAAA#DEPARE/0 too_many_tiles"),
        errors.readValuesToList().stream().map(e -> e.getFile() + " " + e.getCode()).toList());
  }

  @Test
  void releasingAPromisedChartThatNeverCameLetsItsRclsBeEmitted() {
    // A harbour chart present, and an exchange set promising another over the same tile that never comes.
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    ChartCatalogEntry promised = ChartFixture.exchangeSetEntry("US5MISSN", LAT - 0.002, LON - 0.002, LAT + 0.002, LON + 0.002);
    catalog.pipeInput("US5MISSN", promised);
    catalog.pipeInput("US5AAAAA", a.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    send(a);
    assertTrue(emitted().isEmpty(), "the RCL waits for the promised chart");

    ChartCatalogEntry released = ChartCatalogEntry.newBuilder(promised).setReleased("no such file in the input").build();
    catalog.pipeInput("US5MISSN", released);
    List<RclTile> out = emitted();
    assertEquals(Set.of(ChartTopologyTest.home(LON, LAT).encoded()), rcls(out));
    assertEquals(List.of("US5AAAAA"), out.getFirst().getCharts().stream().map(ChartContribution::getChartId).toList(),
        "emitted with the charts that came");

    // The cell arrives after all: it is expected, and placed, where its coverage lies.
    ChartFixture late = new ChartFixture("US5MISSN", 1, 0).feature("LNDARE", ChartFixture.square(LON + 0.001, LAT, 0.002));
    catalog.pipeInput("US5MISSN", late.catalogEntry(ChartFixture.square(LON, LAT, 0.004)));
    send(late);
    out = emitted();
    assertEquals(List.of("US5AAAAA", "US5MISSN"),
        out.getLast().getCharts().stream().map(ChartContribution::getChartId).sorted().toList());
  }

  private void send(ChartFixture chart) {
    topology.send(chart);
  }

  private List<RclTile> emitted() {
    return topology.emitted();
  }

  private static Set<Long> rcls(List<RclTile> out) {
    return out.stream().map(RclTile::getRcl).collect(Collectors.toCollection(TreeSet::new));
  }
}
