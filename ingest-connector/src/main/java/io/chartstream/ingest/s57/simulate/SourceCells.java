package io.chartstream.ingest.s57.simulate;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.CellName;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.IngestProblem;
import io.chartstream.ingest.s57.S57FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real cells under a directory that a simulated delivery can copy, found as the ingest finds
 * them ({@link InputScanner}: base cells with their update chains, in exchange sets or loose).
 * A cell that cannot be copied is left out with the file and the reason, and the others go on.
 */
public final class SourceCells {
  /** A file whose terms travel with copies of the data, such as NOAA's USERAGREEMENT.TXT. */
  private static final Pattern NOTICE = Pattern.compile("(?i).*(AGREEMENT|LICEN[CS]E).*\\.TXT");

  /**
   * @param cells   the usable cells, by chart id
   * @param skipped one line per file left out: the file, a code and the reason
   * @param warnings one line per thing a copy will lack (a referenced text file not found)
   * @param notices terms files found in the tree, one per distinct content
   */
  public record Scan(Path root, List<SourceCell> cells, List<String> skipped, List<String> warnings,
                     List<Path> notices) {}

  private SourceCells() {}

  /** Reads every cell under {@code root} once; {@code cache} keeps what its budget allows. */
  static Scan scan(Path root, TemplateCache cache) throws IOException {
    InputScan input = new InputScanner(root, 0).scan();
    List<String> skipped = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (IngestProblem problem : input.problems()) {
      skipped.add(problem.file() + ": " + problem.code() + ": " + problem.reason());
    }
    List<SourceCell> cells = new ArrayList<>();
    for (CellFiles files : input.cells()) {
      try {
        cells.add(read(files, cache, warnings));
      } catch (S57FormatException e) {
        skipped.add(e.getMessage());
      }
    }
    cells.sort(Comparator.comparing(SourceCell::chartId));
    return new Scan(root, List.copyOf(cells), List.copyOf(skipped), List.copyOf(warnings), notices(root));
  }

  private static SourceCell read(CellFiles files, TemplateCache cache, List<String> warnings) throws S57FormatException {
    Path base = files.base();
    CellTemplate template = cache.get(base);
    OptionalLong comf = template.comf;
    if (comf.isEmpty()) {
      throw new S57FormatException(base, "no_comf", "the base cell has no DSPM with a COMF, so its positions "
          + "have no scale");
    }
    if (comf.getAsLong() * 180 > Integer.MAX_VALUE) {
      throw new S57FormatException(base, "comf_too_fine", "COMF " + comf.getAsLong() + " cannot hold longitudes "
          + "up to ±180° in S-57's 32-bit coordinates, so the cell cannot be moved anywhere on the globe");
    }
    int band = CellName.parse(base.getFileName().toString()).flatMap(CellName::usageBand)
        .orElse(template.intendedUsage);
    if (band < 1 || band > 6) {
      throw new S57FormatException(base, "no_usage_band", "neither the cell name nor DSID's INTU gives a usage "
          + "band 1 to 6");
    }
    SourceCell.UnitBox box = template.box();
    if (box == null) {
      throw new S57FormatException(base, "no_positions", "the base cell holds no SG2D or SG3D position");
    }
    long bytes = template.bytes.length;
    Set<String> referenced = new TreeSet<>(template.referencedFiles);
    for (Path update : files.updates()) {
      CellTemplate u = cache.get(update);
      if (u.comf.isPresent() && u.comf.getAsLong() != comf.getAsLong()) {
        throw new S57FormatException(update, "comf_changed", "the update's DSPM gives COMF " + u.comf.getAsLong()
            + " where its base has " + comf.getAsLong());
      }
      box = box.union(u.box());
      bytes += u.bytes.length;
      referenced.addAll(u.referencedFiles);
    }
    return new SourceCell(files.chartId(), band, base, files.updates(), texts(base, referenced, warnings),
        comf.getAsLong(), box, bytes);
  }

  /** The referenced files found beside the base cell (matched without regard to case). */
  private static List<Path> texts(Path base, Set<String> referenced, List<String> warnings) {
    if (referenced.isEmpty()) {
      return List.of();
    }
    Map<String, Path> beside = new HashMap<>();
    try (Stream<Path> list = Files.list(base.getParent())) {
      list.filter(Files::isRegularFile).forEach(p -> beside.put(upper(p.getFileName().toString()), p));
    } catch (IOException e) {
      warnings.add(base.getParent() + ": cannot list the cell's directory for its text files: " + e);
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : referenced) {
      Path file = beside.get(upper(name));
      if (file == null) {
        missing.add(name);
      } else {
        found.add(file);
      }
    }
    if (!missing.isEmpty()) {
      warnings.add(base + ": its attributes name " + missing.size() + " file(s) not beside it " + missing
          + "; its copies name them too, without them");
    }
    return found;
  }

  private static List<Path> notices(Path root) throws IOException {
    List<Path> notices = new ArrayList<>();
    List<byte[]> seen = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).filter(p -> NOTICE.matcher(p.getFileName().toString()).matches())
          .sorted().toList()) {
        byte[] content = Files.readAllBytes(file);
        if (seen.stream().noneMatch(s -> Arrays.equals(s, content))) {
          seen.add(content);
          notices.add(file);
        }
      }
    }
    return notices;
  }

  private static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}
