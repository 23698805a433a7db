package io.chartstream.ingest.s57.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.CellName;
import io.chartstream.ingest.s57.SharedData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plan of a worldwide delivery, 45,000 cells in the default mix, from the shared cells: every
 * copy inside ±70° and ±180°, no two copies of a band overlapping, every name a valid and unique
 * S-57 cell name of its source's band, and the bands that cannot take their share reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryPlanTest {
  private static final int WORLDWIDE = 45_000;
  List<SourceCell> sources;

  @BeforeAll
  void readSources() throws Exception {
    sources = SourceCells.scan(SharedData.s57(), new TemplateCache(DeliverySimulator.DEFAULT_CACHE_BYTES)).cells();
    assertEquals(10, sources.size());
  }

  /** A moved copy's box in degrees: west, south, east, north. */
  private static double[] box(DeliveryPlan.PlannedCopy copy) {
    SourceCell.UnitBox b = copy.source().box().moved(copy.dy(), copy.dx());
    double comf = copy.source().comf();
    return new double[] {b.minX() / comf, b.minY() / comf, b.maxX() / comf, b.maxY() / comf};
  }

  @Test
  void aWorldwideDeliveryInTheDefaultMixFitsWithoutOverlapWithinABand() {
    DeliveryPlan plan = DeliveryPlan.of(sources, BandMix.DEFAULT, WORLDWIDE, 1);
    Map<Integer, List<double[]>> byBand = new HashMap<>();
    Set<String> names = new HashSet<>();
    long[] perBand = new long[BandMix.BANDS + 1];
    for (Iterator<DeliveryPlan.PlannedCopy> it = plan.copies(); it.hasNext(); ) {
      DeliveryPlan.PlannedCopy copy = it.next();
      double[] box = box(copy);
      assertTrue(box[0] > -180 && box[2] < 180 && box[1] > -70 && box[3] < 70, copy + " leaves ±70°, ±180°");
      CellName name = CellName.parse(copy.chartId() + ".000").orElseThrow(() -> new AssertionError(copy.chartId()));
      assertEquals(copy.source().band(), name.usageBand().orElseThrow(), copy.chartId());
      assertEquals(8, copy.chartId().length());
      assertTrue(names.add(copy.chartId()), "name used twice: " + copy.chartId());
      byBand.computeIfAbsent(copy.band(), b -> new ArrayList<>()).add(box);
      perBand[copy.band()]++;
    }
    assertEquals(WORLDWIDE, names.size());
    for (int band = 1; band <= BandMix.BANDS; band++) {
      assertEquals(plan.placed(band), perBand[band], "band " + band);
      assertTrue(plan.placed(band) <= plan.capacity(band), "band " + band);
    }
    byBand.values().forEach(DeliveryPlanTest::assertApart);
    // The shared cells have no band 2, 3 or 6, and band 1 holds about a hundred of its huge cells.
    assertEquals(0, plan.placed(2) + plan.placed(3) + plan.placed(6));
    assertTrue(plan.placed(1) > 0 && plan.placed(1) == plan.capacity(1) && plan.requested(1) > plan.capacity(1));
    long movedFromOne = plan.moves().stream().filter(m -> m.from() == 1).mapToLong(DeliveryPlan.Move::cells).sum();
    assertEquals(plan.requested(1) - plan.capacity(1), movedFromOne);
    assertTrue(plan.moves().stream().anyMatch(m -> m.from() == 3 && m.reason().contains("no source cell of band 3")),
        plan.moves().toString());
  }

  /** No two boxes overlap: a sweep over boxes sorted by their south edge. */
  private static void assertApart(List<double[]> boxes) {
    boxes.sort(Comparator.comparingDouble(b -> b[1]));
    for (int i = 0; i < boxes.size(); i++) {
      double[] a = boxes.get(i);
      for (int j = i + 1; j < boxes.size() && boxes.get(j)[1] <= a[3]; j++) {
        double[] b = boxes.get(j);
        assertTrue(a[2] < b[0] || b[2] < a[0], "overlap: " + java.util.Arrays.toString(a) + " " + java.util.Arrays.toString(b));
      }
    }
  }

  @Test
  void everyStretchOfTheDeliveryHasTheMixOfTheWhole() {
    DeliveryPlan plan = DeliveryPlan.of(sources, BandMix.parse("1=1,4=4,5=5"), 1000, 3);
    int[] firstHundred = new int[BandMix.BANDS + 1];
    Iterator<DeliveryPlan.PlannedCopy> copies = plan.copies();
    for (int i = 0; i < 100; i++) {
      firstHundred[copies.next().band()]++;
    }
    assertEquals(10, firstHundred[1]);
    assertEquals(40, firstHundred[4]);
    assertEquals(50, firstHundred[5]);
  }

  @Test
  void moreCellsThanTheBandsHoldIsRefusedWithWhatTheyHold() {
    List<SourceCell> overviewOnly = sources.stream().filter(s -> s.band() == 1).toList();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeliveryPlan.of(overviewOnly, BandMix.DEFAULT, 1000, 1));
    assertTrue(e.getMessage().contains("1000 cells do not fit") && e.getMessage().contains("band 1: "), e.getMessage());
  }

  @Test
  void aBandWithoutSourcesPassesItsCellsToTheNextMoreDetailedBand() {
    DeliveryPlan plan = DeliveryPlan.of(sources, BandMix.parse("2=1,6=1"), 10, 1);
    assertEquals(5, plan.placed(4), "band 2's cells go to band 4, the next with a source");
    assertEquals(5, plan.placed(5), "band 6 has no more detailed band: its cells go to band 5");
    assertEquals(List.of(new DeliveryPlan.Move(2, 4, 5, "no source cell of band 2 (general)"),
        new DeliveryPlan.Move(6, 5, 5, "no source cell of band 6 (berthing)")), plan.moves());
  }

  @Test
  void mixCountsAddUpToTheDelivery() {
    for (long n : new long[] {1, 7, 10, 999, 45_000}) {
      long[] counts = BandMix.DEFAULT.counts(n);
      assertEquals(n, java.util.Arrays.stream(counts).sum(), "n=" + n);
    }
    assertEquals(List.of(0L, 1L, 0L, 0L, 4L, 5L, 0L),
        java.util.Arrays.stream(BandMix.parse("1=1,4=4,5=5").counts(10)).boxed().toList());
    assertThrows(IllegalArgumentException.class, () -> BandMix.parse("7=1"));
    assertThrows(IllegalArgumentException.class, () -> BandMix.parse("1=x"));
    assertThrows(IllegalArgumentException.class, () -> BandMix.parse("1=0"));
  }
}
