package io.chartstream.app;

import io.chartstream.ingest.s57.simulate.BandMix;
import io.chartstream.ingest.s57.simulate.DeliveryPlan;
import io.chartstream.ingest.s57.simulate.DeliverySimulator;
import io.chartstream.ingest.s57.simulate.SourceCells;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chartstream simulate --from DIR --cells N --out DIR [--seed S] [--mix …]}: a delivery of N
 * cells made from the real cells under DIR, each moved to a place of its own and renamed, in
 * exchange sets with their catalogues ({@link DeliverySimulator}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Make a delivery of N cells from a few real ones: moved, renamed, with updates and catalogues.")
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--from", defaultValue = "../shared/s57", description = "The real cells to copy (default: ${DEFAULT-VALUE}).")
  Path from;

  @Option(names = "--cells", required = true, description = "How many cells the delivery has (1 and up).")
  long cells;

  @Option(names = "--out", description = "A new or empty directory for the delivery (not needed with --plan).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Same seed, same delivery, byte for byte (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--mix", description = "Weights of the usage bands 1 (overview) to 6 (berthing), e.g. 1=1,4=38,5=61 "
      + "(default: ${DEFAULT-VALUE}, roughly NOAA's catalogue).")
  String mix = BandMix.DEFAULT.toString();

  @Option(names = "--cells-per-set", defaultValue = "1000", description = "Cells per exchange set, each with its CATALOG.031 (default: ${DEFAULT-VALUE}).")
  int cellsPerSet;

  @Option(names = "--plan", description = "Print the plan (bands, capacities, moves) and write nothing.")
  boolean planOnly;

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    if (!planOnly && out == null) {
      err.println("chartstream simulate: --out DIR is needed (or --plan to write nothing)");
      return 2;
    }
    DeliverySimulator simulator;
    try {
      simulator = DeliverySimulator.prepare(new DeliverySimulator.Settings(from, out, cells, seed, BandMix.parse(mix),
          cellsPerSet, DeliverySimulator.DEFAULT_CACHE_BYTES));
    } catch (IllegalArgumentException e) {
      err.println("chartstream simulate: " + e.getMessage());
      return 2;
    }
    printPlan(simulator);
    if (planOnly) {
      return 0;
    }
    long[] nextReport = {System.nanoTime() + 5_000_000_000L};
    DeliverySimulator.Result result;
    try {
      result = simulator.write((written, bytes) -> {
        if (System.nanoTime() >= nextReport[0]) {
          err.printf(Locale.ROOT, "simulate: %d of %d cells, %.0f MB%n", written, cells, bytes / 1e6);
          nextReport[0] = System.nanoTime() + 5_000_000_000L;
        }
      });
    } catch (IllegalArgumentException e) {
      err.println("chartstream simulate: " + e.getMessage());
      return 2;
    }
    System.out.printf(Locale.ROOT, "simulate: wrote %d cells (%d files, %d exchange sets, %.1f MB) to %s in %.1f s: "
            + "%.1f cells/s, %.1f MB/s%n", result.cells(), result.files(), result.sets(), result.bytes() / 1e6, out,
        result.seconds(), result.cellsPerSecond(), result.megabytesPerSecond());
    return 0;
  }

  private void printPlan(DeliverySimulator simulator) {
    SourceCells.Scan sources = simulator.sources();
    DeliveryPlan plan = simulator.plan();
    PrintStream o = System.out;
    o.printf(Locale.ROOT, "simulate: %d source cells under %s%n", sources.cells().size(), from);
    sources.skipped().forEach(s -> o.println("  left out: " + s));
    sources.warnings().forEach(w -> o.println("  warning: " + w));
    o.printf(Locale.ROOT, "simulate: %d cells, seed %d, mix %s%n", plan.cells(), seed, BandMix.parse(mix));
    o.println("  band            sources  requested     placed   capacity  slot (degrees)");
    for (int band = 1; band <= BandMix.BANDS; band++) {
      double[] slot = plan.slotSize(band);
      o.printf(Locale.ROOT, "  %d %-12s %9d %10d %10d %10d  %s%n", band, BandMix.bandName(band), plan.sourceCount(band),
          plan.requested(band), plan.placed(band), plan.capacity(band),
          slot == null ? "-" : String.format(Locale.ROOT, "%.4g x %.4g", slot[0], slot[1]));
    }
    for (DeliveryPlan.Move move : plan.moves()) {
      o.printf(Locale.ROOT, "  %d cells of band %d go to band %d: %s%n", move.cells(), move.from(), move.to(), move.reason());
    }
  }
}
