package io.chartstream.ingest.s57;

import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartStart;
import java.nio.ByteBuffer;

/**
 * The records that describe a chart version read from its cell: the refined catalogue entry and
 * the {@code ChartStart} that opens the version on {@code s57.features}. One place, so the
 * connector and anything that replays charts without Kafka Connect build them alike.
 */
public final class ChartVersionHeaders {
  private ChartVersionHeaders() {}

  /**
   * The catalogue entry of a chart read from its cell (source CELL: version, scale, coverage, and
   * how many features it holds, with and without geometry, so that the dbv can say per chart how
   * many of its features were placed).
   */
  public static ChartCatalogEntry catalogEntry(ChartContents chart, String catalogCrc) {
    DatasetIdentification dsid = chart.dsid();
    CellName name = CellName.parse(chart.files().base().getFileName().toString()).orElseThrow();
    return ChartCatalogEntry.newBuilder()
        .setChartId(chart.files().chartId())
        .setSource(CatalogSource.CELL)
        .setFile(chart.files().basePath())
        .setUpdateFiles(chart.files().updatePaths())
        .setVersion(dsid.version())
        .setCompilationScale(dsid.compilationScale())
        .setUsageBand(name.usageBand().orElse(null))
        .setProducer(name.producer())
        .setAgency(dsid.agency())
        .setBbox(chart.bbox())
        .setCoverage(chart.coverage() == null ? null : ByteBuffer.wrap(chart.coverage()))
        .setCatalogCrc(catalogCrc)
        .setFeaturesIn(chart.features().size())
        .setFeaturesWithGeometry((int) chart.features().stream().filter(f -> f.getGeometry() != null).count())
        .build();
  }

  /** The first record of the chart version on {@code s57.features}. */
  public static ChartStart start(ChartContents chart) {
    DatasetIdentification dsid = chart.dsid();
    return ChartStart.newBuilder()
        .setChartId(chart.files().chartId())
        .setVersion(dsid.version())
        .setFile(chart.files().basePath())
        .setUpdateFiles(chart.files().updatePaths())
        .setAgency(dsid.agency())
        .setCompilationScale(dsid.compilationScale())
        .setIntendedUsage(dsid.intendedUsage())
        .setDatasetName(dsid.datasetName())
        .setDsid(dsid.fields())
        .build();
  }
}
