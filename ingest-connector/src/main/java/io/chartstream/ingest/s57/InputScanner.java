package io.chartstream.ingest.s57;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *   <li>An update whose own DSID names another cell, another edition or another update number
 *       ({@link UpdateChain}): the chain is cut there and the chart read from the valid prefix.
 *   <li>A symbolic link whose target lies outside the input: {@code outside_input}, and nothing
 *       of it is read (links within the input are read as the files they point to; linked
 *       folders are not followed, their targets are scanned where they are).
 *   <li>A folder or file that cannot be listed or examined: {@code unreadable_folder} /
 *       {@code unreadable_file}, and the rest of the input is scanned; one that vanishes during
 *       the scan is logged and left to the next scan.
 * </ul>
 * Files modified less than {@code settleMillis} ago are left for a later scan, so a file still
 * being copied into a watched directory is not read half-written; the scan says when the first
 * of them becomes settled ({@link InputScan#nextSettledAt()}), so that later scan can come then.
 * A file that already holds whole ISO 8211 records to its last byte ({@link
 * Iso8211Completeness}) settles sooner, once unmodified for {@code completeSettleMillis}: its
 * copy is most likely over, and waiting the full period would only delay it.
 */
public final class InputScanner {
  private static final Logger LOGGER = LoggerFactory.getLogger(InputScanner.class);
  private final Path root;
  private final UpdateChain chains;
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
    this.chains = new UpdateChain(root);
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
    List<IngestProblem> problems = new ArrayList<>();
    List<Path> listed = listFiles(problems);
    chains.retainOnly(new HashSet<>(listed));
    for (Path file : listed) {
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
    List<Path> contiguous = new ArrayList<>();
    int expected = 1;
    for (var entry : files.tailMap(1).entrySet()) {
      if (entry.getKey() == expected) {
        contiguous.add(entry.getValue());
        expected++;
      } else {
        problems.add(new IngestProblem(relative(entry.getValue()), chartId, "update-chain", "update_out_of_sequence",
            String.format(Locale.ROOT, "update %d found but update %d is missing; it will be applied once %s.%03d arrives",
                entry.getKey(), expected, chartId, expected)));
      }
    }
    UpdateChain.Checked chain = chains.check(chartId, base, contiguous);
    problems.addAll(chain.problems());
    List<Path> updates = chain.updates();
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

  /**
   * Every regular file under the input, in path order, and a problem for each symbolic link that
   * leads outside it and each folder or file that cannot be examined: one bad folder never stops
   * the scan of the others.
   *
   * @throws UncheckedIOException when the input itself cannot be read
   */
  private List<Path> listFiles(List<IngestProblem> problems) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the input directory " + root, e);
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (file.getFileName().toString().startsWith(".")) {
            return FileVisitResult.CONTINUE;
          }
          if (attributes.isSymbolicLink()) {
            followLink(file, realRoot, files, problems);
          } else if (attributes.isRegularFile()) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          unreadable(file, e, problems);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          if (e != null) {
            unreadable(dir, e, problems); // failed while listing it: what was listed is kept
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the input directory " + root, e);
    }
    files.sort(Comparator.comparing(Path::toString));
    return files;
  }

  /** A link to a file inside the input is read as that file; anything else it may lead to is not. */
  private void followLink(Path link, Path realRoot, List<Path> files, List<IngestProblem> problems) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (NoSuchFileException e) {
      LOGGER.debug("{}: a link to nothing ({}), skipped", link, e.getMessage());
      return;
    } catch (IOException e) {
      unreadable(link, e, problems);
      return;
    }
    if (!target.startsWith(realRoot)) {
      String name = link.getFileName().toString();
      problems.add(new IngestProblem(relative(link), CellName.parse(name).map(CellName::chartId).orElse(null), "discover",
          "outside_input", "a symbolic link to " + target + ", which is outside the input " + realRoot
              + ": refused, nothing of it is read"));
    } else if (Files.isRegularFile(target)) {
      files.add(link);
    } // a linked folder inside the input: its files are scanned where they are
  }

  private void unreadable(Path path, IOException e, List<IngestProblem> problems) {
    if (e instanceof NoSuchFileException) {
      LOGGER.warn("{} vanished during the scan of {}; the next scan sees the input as it is then", path, root);
      return;
    }
    // What cannot even be examined (too long a path, an I/O error) is most likely a folder.
    boolean folder = !Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    problems.add(new IngestProblem(relative(path), null, "discover", folder ? "unreadable_folder" : "unreadable_file",
        (folder ? "the folder cannot be listed" : "the file cannot be examined") + " (" + e
            + "); everything else in the input is scanned"));
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
