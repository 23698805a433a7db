package io.chartstream.ingest.s57;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A base cell and its update files, all in one directory, as GDAL applies them: the updates
 * are numbered 1..n without a gap (a later update waits until the missing one arrives).
 *
 * @param chartId the cell name, e.g. {@code US5WA22M}
 * @param base    the {@code .000} file
 * @param updates the update files in order, {@code .001} first
 * @param stamps  the stamp of the base and of each update, in the same order
 */
public record CellFiles(String chartId, Path base, List<Path> updates, List<FileStamp> stamps) {
  public CellFiles {
    updates = List.copyOf(updates);
    stamps = List.copyOf(stamps);
  }

  /**
   * The file versions of this chart as one string; when it differs from the one recorded as
   * done, the chart has a new version to ingest.
   */
  public String fingerprint() {
    return stamps.stream().map(FileStamp::toString).collect(Collectors.joining("|"));
  }

  /** Relative paths of the update files, in order. */
  public List<String> updatePaths() {
    return stamps.subList(1, stamps.size()).stream().map(FileStamp::path).toList();
  }

  /** Relative path of the base cell. */
  public String basePath() {
    return stamps.getFirst().path();
  }
}
