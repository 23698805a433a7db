package io.chartstream.topology.s52;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartReadException;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.S57Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data the S-52 tests use: the built-in tables, the PresLib file, and the real charts they
 * style, read once per test JVM through GDAL: the NOAA cells of
 * {@code shared/s57} and the IHO ECDIS Chart 1 cells of {@code shared/s52}. Missing data skips
 * a test on a developer machine and fails it under {@code CI=true} ({@link SharedData}).
 */
final class StylingData {
  private static Map<String, List<S57Feature>> noaa;
  private static Map<String, List<S57Feature>> ecdisChart1;

  private StylingData() {}

  /** The built-in tables: the repository's {@code config/s52}, found upwards from the working dir. */
  static Path builtInDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(BuiltInPresentation.DEFAULT_DIR);
      if (Files.isRegularFile(candidate.resolve(BuiltInPresentation.LOOKUPS))) {
        return candidate;
      }
    }
    throw new AssertionError("no config/s52/" + BuiltInPresentation.LOOKUPS + " above " + Path.of("").toAbsolutePath());
  }

  /** The PresLib digital file. */
  static Path dai() {
    return SharedData.s52().resolve("PresLib_e4.0.0.dai");
  }

  /** Features of every NOAA cell (updates applied), by chart id. */
  static synchronized Map<String, List<S57Feature>> noaa() {
    if (noaa == null) {
      noaa = read(SharedData.s57());
    }
    return noaa;
  }

  /** Features of every ECDIS Chart 1 cell, by chart id. */
  static synchronized Map<String, List<S57Feature>> ecdisChart1() {
    if (ecdisChart1 == null) {
      ecdisChart1 = read(SharedData.s52().resolve("ECDIS_Chart_1"));
    }
    return ecdisChart1;
  }

  /** Both sets together. */
  static Map<String, List<S57Feature>> all() {
    Map<String, List<S57Feature>> all = new LinkedHashMap<>(noaa());
    all.putAll(ecdisChart1());
    return all;
  }

  private static Map<String, List<S57Feature>> read(Path root) {
    try {
      Map<String, List<S57Feature>> charts = new LinkedHashMap<>();
      List<CellFiles> cells = new ArrayList<>(new InputScanner(root, 0).scan().cells());
      for (CellFiles cell : cells) {
        charts.put(cell.chartId(), ChartReader.read(cell).features());
      }
      if (charts.isEmpty()) {
        throw new IllegalStateException("no cells under " + root);
      }
      return charts;
    } catch (ChartReadException e) {
      throw new IllegalStateException(e);
    }
  }
}
