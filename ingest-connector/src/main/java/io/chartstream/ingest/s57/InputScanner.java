package io.chartstream.ingest.s57;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds exchange sets ({@code CATALOG.031}) and S-57 files under an input directory and groups
 * each base cell with its update files.
 *
 * <p>Rules, each giving an {@link IngestProblem} rather than an exception, so one bad file
 * never hides the others:
 * <ul>
 *   <li>An update with no base cell in its directory: {@code update_without_base}.
 *   <li>An update after a gap in the numbering: {@code update_out_of_sequence}; the chart is
 *       still ingested with the updates before the gap, as GDAL applies them in sequence.
 *   <li>The same base cell in two directories: {@code duplicate_cell}; the first path in
 *       lexical order is ingested.
 * </ul>
 * Files modified less than {@code settleMillis} ago are left for a later scan, so a file still
 * being copied into a watched directory is not read half-written; the scan says when the first
 * of them becomes settled ({@link InputScan#nextSettledAt()}), so that later scan can come then.
 * A file that already holds whole ISO 8211 records to its last byte ({@link
 * Iso8211Completeness}) settles sooner, once unmodified for {@code completeSettleMillis}: its
 * copy is most likely over, and waiting the full period would only delay it.
 */
public final class InputScanner {
  private final Path root;
  private final long settleMillis;
  private final long completeSettleMillis;

  /** A scanner that waits {@code settleMillis} for every file, complete or not. */
  public InputScanner(Path root, long settleMillis) {
    this(root, settleMillis, settleMillis);
  }

  public InputScanner(Path root, long settleMillis, long completeSettleMillis) {
    this.root = root;
    this.settleMillis = settleMillis;
    this.completeSettleMillis = Math.min(settleMillis, completeSettleMillis);
  }

  public Path root() {
    return root;
  }

  public InputScan scan() {
    List<Path> catalogs = new ArrayList<>();
    // directory -> chart id -> update number -> file
    Map<Path, Map<String, TreeMap<Integer, Path>>> groups = new TreeMap<>();
    long now = System.currentTimeMillis();
    OptionalLong nextSettledAt = OptionalLong.empty();
    for (Path file : listFiles()) {
      String name = file.getFileName().toString();
      OptionalLong modified = modifiedMillis(file);
      if (modified.isEmpty()) {
        continue; // vanished between listing and now
      }
      boolean catalog = name.equalsIgnoreCase("CATALOG.031");
      Optional<CellName> cell = CellName.parse(name);
      long settledAt = settledAt(file, catalog || cell.isPresent(), modified.getAsLong(), now);
      if (settledAt > now) {
        if (nextSettledAt.isEmpty() || settledAt < nextSettledAt.getAsLong()) {
          nextSettledAt = OptionalLong.of(settledAt);
        }
        continue;
      }
      if (catalog) {
        catalogs.add(file);
        continue;
      }
      cell.ifPresent(c -> groups.computeIfAbsent(file.getParent(), d -> new TreeMap<>())
          .computeIfAbsent(c.chartId(), id -> new TreeMap<>())
          .put(c.updateNumber(), file));
    }
    List<CellFiles> cells = new ArrayList<>();
    List<IngestProblem> problems = new ArrayList<>();
    Map<String, Path> firstBase = new HashMap<>();
    for (var directory : groups.values()) {
      for (var chart : directory.entrySet()) {
        group(chart.getKey(), chart.getValue(), firstBase, problems).ifPresent(cells::add);
      }
    }
    return new InputScan(catalogs, cells, problems, nextSettledAt);
  }

  /**
   * When a file modified at {@code modifiedMillis} is settled: sooner when it is a cell or
   * catalogue ({@code iso8211}) that is already whole.
   */
  private long settledAt(Path file, boolean iso8211, long modifiedMillis, long now) {
    long settled = modifiedMillis + settleMillis;
    if (settled <= now || completeSettleMillis == settleMillis || !iso8211) {
      return settled; // settled anyway, or not a file whose records can be counted: no need to read it
    }
    return Iso8211Completeness.isComplete(file) ? modifiedMillis + completeSettleMillis : settled;
  }

  private Optional<CellFiles> group(String chartId, TreeMap<Integer, Path> files, Map<String, Path> firstBase,
                                    List<IngestProblem> problems) {
    Path base = files.get(0);
    if (base == null) {
      for (Path update : files.values()) {
        problems.add(new IngestProblem(relative(update), chartId, "update-chain", "update_without_base",
            "update file without its base cell " + chartId + ".000 in the same directory"));
      }
      return Optional.empty();
    }
    Path earlier = firstBase.putIfAbsent(chartId, base);
    if (earlier != null) {
      problems.add(new IngestProblem(relative(base), chartId, "discover", "duplicate_cell",
          "base cell " + chartId + " is also at " + relative(earlier) + ", which is ingested instead"));
      return Optional.empty();
    }
    List<Path> updates = new ArrayList<>();
    int expected = 1;
    for (var entry : files.tailMap(1).entrySet()) {
      if (entry.getKey() == expected) {
        updates.add(entry.getValue());
        expected++;
      } else {
        problems.add(new IngestProblem(relative(entry.getValue()), chartId, "update-chain", "update_out_of_sequence",
            String.format(Locale.ROOT, "update %d found but update %d is missing; it will be applied once %s.%03d arrives",
                entry.getKey(), expected, chartId, expected)));
      }
    }
    try {
      List<FileStamp> stamps = new ArrayList<>();
      stamps.add(FileStamp.of(root, base));
      for (Path update : updates) {
        stamps.add(FileStamp.of(root, update));
      }
      return Optional.of(new CellFiles(chartId, base, updates, stamps));
    } catch (NoSuchFileException vanished) {
      return Optional.empty(); // removed since the listing; the next scan sees the directory as it is
    } catch (IOException e) {
      problems.add(new IngestProblem(relative(base), chartId, "discover", "unreadable_file", e.toString()));
      return Optional.empty();
    }
  }

  private List<Path> listFiles() {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the input directory " + root, e);
    }
  }

  private static OptionalLong modifiedMillis(Path file) {
    try {
      return OptionalLong.of(Files.getLastModifiedTime(file).toMillis());
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  private String relative(Path file) {
    return FileStamp.relative(root, file);
  }
}
