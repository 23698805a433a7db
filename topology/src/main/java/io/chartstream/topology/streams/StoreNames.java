package io.chartstream.topology.streams;

/** The topology's state stores, named for what they hold (their changelogs carry the same names). */
public final class StoreNames {
  /** Chart id → ChartProgress: the newest accepted version of each chart. */
  public static final String CHART_PROGRESS = "chart-progress";
  /** chart id | RCL → flags: the RCL holds a section of the chart (1), the current version changed features there (2). */
  public static final String CHART_RCLS = "chart-rcls";
  /** chart id | LNAM | occurrence → PlacedFeature: the pass that last saw each source feature, its digest, and its RCLs. */
  public static final String CHART_FEATURES = "chart-features";
  /** chart id | LNAM | occurrence → PlacedPieces: each source feature's pieces, as sections take them. */
  public static final String CHART_PIECES = "chart-pieces";
  /** Chart id → CatalogRcls: the RCLs the catalogue says a chart covers. */
  public static final String CATALOG_RCLS = "catalog-rcls";
  /** RCL | chart id | part → SectionPart: the pieces of a chart in an RCL, as they go into the tile. */
  public static final String RCL_SECTIONS = "rcl-sections";
  /** RCL | chart id → RclChartState: expected there, the version whose section arrived whole, parts arriving. */
  public static final String RCL_CHARTS = "rcl-charts";
  /** RCL → RclEmission: sequence and content hash of its last emission. */
  public static final String RCL_EMITTED = "rcl-emitted";
  /** RCL → marker: RCLs changed since the last emission pass. */
  public static final String RCL_DIRTY = "rcl-dirty";

  private StoreNames() {}
}
