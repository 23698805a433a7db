package io.chartstream.ingest.s57;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an update chain before GDAL applies it. GDAL 3.6 applies every {@code .00N} file beside a
 * base cell whose DSID edition and update number fit, without looking at which cell the DSID
 * names: an update of another cell renamed beside a base would be published as a new version
 * holding another chart's edits. So each update's own DSID ({@link CellHeader}) must name the base
 * cell (DSNM), its edition (EDTN; 0, a cancellation, is let through as GDAL does) and its own
 * update number (UPDN, and DSNM's extension when it has one). The chain is cut at the first
 * update that fails: the chart is read from the valid prefix, the failing update is one
 * {@link IngestProblem} with the reason, and each later update one {@code update_out_of_sequence}
 * (they wait for a valid replacement, as after a gap).
 *
 * <p>Headers are cached by file stamp (path, size, mtime), so a scan repeated every few hundred
 * milliseconds reads each file version's first two records once. Not thread-safe.
 */
public final class UpdateChain {
  /** The chain GDAL may apply, and what was refused. */
  public record Checked(List<Path> updates, List<IngestProblem> problems) {
    public Checked {
      updates = List.copyOf(updates);
      problems = List.copyOf(problems);
    }
  }

  private record Cached(FileStamp stamp, CellHeader header, S57FormatException failure) {}

  private final Path root;
  private final Map<Path, Cached> headers = new HashMap<>();

  public UpdateChain(Path root) {
    this.root = root;
  }

  /**
   * Checks {@code updates} (update 1, 2, … in order, without gaps) of {@code chartId}'s
   * {@code base}.
   */
  public Checked check(String chartId, Path base, List<Path> updates) {
    if (updates.isEmpty()) {
      return new Checked(List.of(), List.of());
    }
    Cached baseHeader = header(base);
    String baseEdition = baseHeader.header() == null ? null : baseHeader.header().edition();
    List<Path> valid = new ArrayList<>();
    List<IngestProblem> problems = new ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      Path update = updates.get(i);
      int number = i + 1;
      if (!problems.isEmpty()) {
        problems.add(new IngestProblem(relative(update), chartId, "update-chain", "update_out_of_sequence",
            String.format(Locale.ROOT, "update %d follows update %d, which was refused (%s): it will be applied once a valid %s.%03d arrives",
                number, valid.size() + 1, problems.getFirst().code(), chartId, valid.size() + 1)));
        continue;
      }
      Optional<IngestProblem> refused = refusal(chartId, number, baseEdition, update);
      if (refused.isPresent()) {
        problems.add(refused.get());
      } else {
        valid.add(update);
      }
    }
    return new Checked(valid, problems);
  }

  private Optional<IngestProblem> refusal(String chartId, int number, String baseEdition, Path update) {
    Cached cached = header(update);
    String after = String.format(Locale.ROOT, "; the chart is read up to update %d without it", number - 1);
    if (cached.header() == null) {
      S57FormatException e = cached.failure();
      return Optional.of(problem(update, chartId, "update_unreadable",
          "the update's DSID cannot be read (" + e.code() + ": " + stripPath(e.getMessage(), update) + ")" + after));
    }
    CellHeader dsid = cached.header();
    Optional<String> named = dsid.namedCell();
    if (named.isEmpty()) {
      return Optional.of(problem(update, chartId, "update_for_another_cell",
          "its DSID names no data set (DSNM is blank), so nothing says it updates " + chartId + after));
    }
    if (!named.get().equals(chartId)) {
      return Optional.of(problem(update, chartId, "update_for_another_cell",
          "its DSID names " + dsid.datasetName() + " (edition " + dsid.edition() + ", update " + dsid.update()
              + "): it is an update of " + named.get() + ", not of " + chartId + after));
    }
    if (baseEdition != null && !dsid.edition().equals("0") && dsid.editionNumber() != numberOf(baseEdition)) {
      return Optional.of(problem(update, chartId, "update_wrong_edition",
          "its DSID updates edition " + dsid.edition() + " of " + chartId + ", but the base cell " + chartId
              + ".000 is edition " + baseEdition + after));
    }
    Optional<Integer> namedUpdate = dsid.namedUpdate();
    if (dsid.updateNumber() != number || (namedUpdate.isPresent() && namedUpdate.get() != number)) {
      return Optional.of(problem(update, chartId, "update_number_mismatch",
          String.format(Locale.ROOT, "its DSID says %s update %s, but the file is update %d", dsid.datasetName(),
              dsid.update(), number) + after));
    }
    return Optional.empty();
  }

  private Cached header(Path file) {
    FileStamp stamp;
    try {
      stamp = FileStamp.of(root, file);
    } catch (IOException e) {
      return new Cached(null, null, new S57FormatException(file, "unreadable_file", "cannot read the file: " + e, e));
    }
    Cached cached = headers.get(file);
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached;
    }
    try {
      cached = new Cached(stamp, CellHeader.read(file), null);
    } catch (S57FormatException e) {
      cached = new Cached(stamp, null, e);
    }
    headers.put(file, cached);
    return cached;
  }

  /** Forgets the headers of files no longer in the input. */
  public void retainOnly(java.util.Set<Path> present) {
    headers.keySet().retainAll(present);
  }

  private IngestProblem problem(Path update, String chartId, String code, String reason) {
    return new IngestProblem(relative(update), chartId, "update-chain", code, reason);
  }

  private String relative(Path file) {
    return FileStamp.relative(root, file);
  }

  private static int numberOf(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The reader's message starts with the absolute path; the dead letter names the file already. */
  private static String stripPath(String message, Path file) {
    String prefix = file + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
