package io.chartstream.ingest.s57.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Makes a delivery of N cells from a few real ones ({@code chartstream simulate}): each copy moved
 * to a place of its own and renamed ({@link DeliveryPlan}, {@link CellMover}), with its updates and
 * text files, in exchange sets of at most {@code cellsPerSet} cells ({@link ExchangeSetWriter}).
 *
 * <p>Beside the sets, at the top of the output: {@code simulation.csv}, one line per copy (its
 * name, exchange set, source, offset and box), for whoever checks or measures the delivery; and
 * {@code README.TXT}, saying what the delivery is, with the terms files found in the source tree
 * (NOAA's user agreement asks that it travel with copies of its cells). Neither is an S-57 file,
 * so an ingest passes over them.
 *
 * <p>Memory: the plan is computed copy by copy and each file streams to disk, so what is held is
 * the templates the cache's budget allows and one copy being written, whatever N.
 */
public final class DeliverySimulator {
  public static final String MANIFEST = "simulation.csv";
  /** Templates kept between copies: every source of a typical simulation, and bounded for a large one. */
  public static final long DEFAULT_CACHE_BYTES = 512L << 20;

  /**
   * @param from        the real cells
   * @param out         a directory that does not exist or is empty
   * @param cells       N
   * @param cellsPerSet cells per exchange set (each set has its own CATALOG.031)
   */
  public record Settings(Path from, Path out, long cells, long seed, BandMix mix, int cellsPerSet, long cacheBytes) {
    public Settings {
      if (cellsPerSet < 1 || cellsPerSet > 10_000) {
        throw new IllegalArgumentException("cells per exchange set must be 1 to 10,000, not " + cellsPerSet);
      }
    }
  }

  /** What was written, and how fast. */
  public record Result(long cells, long sets, long files, long bytes, double seconds, long templateReads) {
    public double cellsPerSecond() {
      return cells / Math.max(seconds, 1e-9);
    }

    public double megabytesPerSecond() {
      return bytes / 1e6 / Math.max(seconds, 1e-9);
    }
  }

  /** Told after each copy. */
  public interface Progress {
    void written(long cells, long bytes);
  }

  private final Settings settings;
  private final SourceCells.Scan sources;
  private final DeliveryPlan plan;
  private final TemplateCache cache;

  private DeliverySimulator(Settings settings, SourceCells.Scan sources, DeliveryPlan plan, TemplateCache cache) {
    this.settings = settings;
    this.sources = sources;
    this.plan = plan;
    this.cache = cache;
  }

  /**
   * Reads the source cells and plans the delivery; writes nothing.
   *
   * @throws IllegalArgumentException when no delivery can be planned (no usable source, too many
   *     cells for the bands), with the reason
   */
  public static DeliverySimulator prepare(Settings settings) throws IOException {
    if (!Files.isDirectory(settings.from())) {
      throw new IllegalArgumentException("no directory " + settings.from() + " to take the source cells from");
    }
    TemplateCache cache = new TemplateCache(settings.cacheBytes());
    SourceCells.Scan sources = SourceCells.scan(settings.from(), cache);
    if (sources.cells().isEmpty()) {
      throw new IllegalArgumentException("no usable S-57 base cell under " + settings.from()
          + (sources.skipped().isEmpty() ? "" : "; left out: " + String.join("; ", sources.skipped())));
    }
    DeliveryPlan plan = DeliveryPlan.of(sources.cells(), settings.mix(), settings.cells(), settings.seed());
    return new DeliverySimulator(settings, sources, plan, cache);
  }

  public SourceCells.Scan sources() {
    return sources;
  }

  public DeliveryPlan plan() {
    return plan;
  }

  /**
   * Writes the delivery.
   *
   * @throws IllegalArgumentException if the output directory exists and is not empty
   */
  public Result write(Progress progress) throws IOException {
    Path out = settings.out();
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty: give a new or empty directory, so that no "
              + "cell of an earlier delivery is mixed into this one");
        }
      }
    }
    Files.createDirectories(out);
    long start = System.nanoTime();
    long sets = (settings.cells() + settings.cellsPerSet() - 1) / settings.cellsPerSet();
    String setName = "set-%0" + Math.max(4, Long.toString(sets).length()) + "d";
    long written = 0;
    long bytes = 0;
    long files = 0;
    try (BufferedWriter manifest = Files.newBufferedWriter(out.resolve(MANIFEST), StandardCharsets.UTF_8)) {
      manifest.write("cell,band,set,source,comf,dy,dx,south,west,north,east\n");
      Iterator<DeliveryPlan.PlannedCopy> copies = plan.copies();
      ExchangeSetWriter set = null;
      try {
        while (copies.hasNext()) {
          DeliveryPlan.PlannedCopy copy = copies.next();
          String name = String.format(Locale.ROOT, setName, copy.index() / settings.cellsPerSet() + 1);
          if (copy.index() % settings.cellsPerSet() == 0) {
            if (set != null) {
              set.close();
              bytes += set.bytes();
              files += set.files();
            }
            set = new ExchangeSetWriter(out.resolve(name));
          }
          double[] box = set.add(copy, cache);
          manifest.write(String.format(Locale.ROOT, "%s,%d,%s,%s,%d,%d,%d,%s,%s,%s,%s%n", copy.chartId(), copy.band(),
              name, relative(copy.source().base()), copy.source().comf(), copy.dy(), copy.dx(),
              box[0], box[1], box[2], box[3]));
          written++;
          progress.written(written, bytes + set.bytes());
        }
      } finally {
        if (set != null) {
          set.close();
          bytes += set.bytes();
          files += set.files();
        }
      }
    }
    writeReadme(out);
    return new Result(written, sets, files, bytes, (System.nanoTime() - start) / 1e9, cache.reads());
  }

  private String relative(Path file) {
    return settings.from().relativize(file).toString().replace(',', '_');
  }

  private void writeReadme(Path out) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("A SIMULATED ENC DELIVERY. NOT FOR NAVIGATION.\r\n\r\n")
        .append(String.format(Locale.ROOT, "Made by chartstream simulate: %d cells, seed %d, band mix %s, "
            + "from the cells under %s.%n", settings.cells(), settings.seed(), settings.mix(),
            settings.from().toAbsolutePath().normalize()).replace("\n", "\r\n"))
        .append("Each cell is a copy of a real cell, moved to another place on the globe and renamed;\r\n")
        .append("its features, attributes and update chain are the source's. simulation.csv lists each\r\n")
        .append("copy with its source and offset. The source cells' terms apply to the copies.\r\n");
    for (Path notice : sources.notices()) {
      String name = notice.getFileName().toString();
      for (int n = 2; Files.exists(out.resolve(name)); n++) { // another text under the same name
        name = n + "_" + notice.getFileName();
      }
      Files.copy(notice, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      text.append("Terms found with the source cells: ").append(name).append(" (from ")
          .append(settings.from().relativize(notice)).append(").\r\n");
    }
    Files.writeString(out.resolve("README.TXT"), text, StandardCharsets.ISO_8859_1);
  }
}
