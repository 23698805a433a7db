package io.chartstream.ingest.s57;

import io.chartstream.ingest.gdal.GdalException;
import io.chartstream.ingest.gdal.OgrDataset;
import io.chartstream.ingest.gdal.OgrFeature;
import io.chartstream.ingest.gdal.OgrLayer;
import io.chartstream.schema.ChartRevision;
import io.chartstream.schema.avro.S57Feature;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one chart version, a base cell with its updates applied, through GDAL's S-57 driver.
 * GDAL opens the base through a {@link StagedCell}, so it applies exactly the updates of
 * {@link CellFiles#updates()}, those the scan checked, and no other file it would find beside it.
 *
 * <p>Open options: {@code UPDATES=APPLY} (GDAL applies the {@code .001…} files beside the base
 * in sequence), {@code SPLIT_MULTIPOINT=ON} and {@code ADD_SOUNDG_DEPTH=ON} (one point per
 * sounding, depth as Z), {@code RECODE_BY_DSSI=ON} (national text to UTF-8),
 * {@code LNAM_REFS=ON} (feature-to-feature references).
 */
public final class ChartReader {
  /** The S-57 open options every read uses; tests pass the same ones to ogrinfo/ogr2ogr. */
  public static final List<String> OPEN_OPTIONS = List.of(
      "UPDATES=APPLY", "SPLIT_MULTIPOINT=ON", "ADD_SOUNDG_DEPTH=ON", "RECODE_BY_DSSI=ON", "LNAM_REFS=ON");

  private ChartReader() {}

  /**
   * Reads {@code files}.
   *
   * @throws ChartReadException when the cell cannot be opened or read (the message names the
   *                            file and GDAL's reason)
   */
  public static ChartContents read(CellFiles files) throws ChartReadException {
    try (StagedCell staged = StagedCell.of(files)) {
      return read(files, staged);
    }
  }

  private static ChartContents read(CellFiles files, StagedCell staged) throws ChartReadException {
    try (OgrDataset dataset = OgrDataset.open(staged.base(), "S57", OPEN_OPTIONS)) {
      DatasetIdentification dsid = null;
      List<OgrLayer> featureLayers = new ArrayList<>();
      for (OgrLayer layer : dataset.layers()) {
        if (layer.name().equals("DSID")) {
          List<OgrFeature> records = new ArrayList<>(1);
          layer.read(records::add);
          dsid = records.isEmpty() ? null : DatasetIdentification.of(records.getFirst());
        } else {
          featureLayers.add(layer);
        }
      }
      if (dsid == null) {
        throw new ChartReadException(files.basePath(), "read", "no_dsid", "the cell has no DSID record");
      }
      String revision = ChartRevision.key(dsid.version());
      List<S57Feature> features = new ArrayList<>();
      Coverage coverage = new Coverage();
      for (OgrLayer layer : featureLayers) {
        layer.read(feature -> {
          coverage.offer(feature);
          features.add(FeatureMapper.map(files.chartId(), revision, features.size(), feature));
        });
      }
      return new ChartContents(files, dsid, features, coverage.wkb(), coverage.bbox(),
          unappliedUpdates(files, dsid, dataset.openWarnings().stream().map(w -> staged.unstaged(w, files.base().getParent())).toList()));
    } catch (GdalException e) {
      boolean vanished = !Files.exists(files.base());
      throw new ChartReadException(files.basePath(), e.code().startsWith("open") ? "open" : "read",
          vanished ? "file_vanished" : e.code(),
          vanished ? "the file disappeared while it was read" : staged.unstaged(e.getMessage(), files.base().getParent()));
    } catch (IllegalArgumentException e) {
      throw new ChartReadException(files.basePath(), "read", "bad_geometry", e.getMessage());
    }
  }

  /** Updates of the group beyond the update number GDAL reports were not applied: say why. */
  private static List<IngestProblem> unappliedUpdates(CellFiles files, DatasetIdentification dsid, List<String> warnings) {
    List<IngestProblem> problems = new ArrayList<>();
    List<String> updates = files.updatePaths();
    int applied = dsid.version().getUpdateNumber();
    String reason = warnings.isEmpty() ? "GDAL did not apply it" : "GDAL did not apply it: " + String.join("; ", warnings);
    for (int i = Math.max(applied, 0); i < updates.size(); i++) {
      problems.add(new IngestProblem(updates.get(i), files.chartId(), "update-chain", "update_not_applied",
          String.format(Locale.ROOT, "%s (chart read at update %d)", reason, applied)));
    }
    return problems;
  }
}
