package io.chartstream.schema;

/** Names of chartstream's topics (ARCHITECTURE.md, "Topics and records"). */
public final class Topics {
  /** Chart id → ChartCatalogEntry; compacted. */
  public static final String CHARTS_CATALOG = "charts.catalog";
  /** Chart id → ChartStart · S57Feature · ChartEnd, one chart version contiguous in one partition. */
  public static final String S57_FEATURES = "s57.features";
  /** File name → IngestError dead letters. */
  public static final String INGEST_ERRORS = "s57.ingest.errors";
  /** RCL key → finished tile; compacted. */
  public static final String RCL_TILES = "rcl.tiles";
  /** Chart id → IngestError: geometry the topology repaired or could not place. */
  public static final String TOPOLOGY_ERRORS = "topology.errors";

  private Topics() {}
}
