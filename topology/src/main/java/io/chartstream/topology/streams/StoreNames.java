package io.chartstream.topology.streams;

/** The topology's state stores, named for what they hold (their changelogs carry the same names). */
public final class StoreNames {
  /** Chart id → ChartProgress: the newest accepted version of each chart. */
  public static final String CHART_PROGRESS = "chart-progress";
  /** chart id | RCL → touched by the current version (1) or only by earlier ones (0). */
  public static final String CHART_RCLS = "chart-rcls";
  /** chart id | LNAM | occurrence → PlacedFeature: what each source feature last placed, and where. */
  public static final String CHART_FEATURES = "chart-features";
  /** Chart id → CatalogRcls: the RCLs the catalogue says a chart covers. */
  public static final String CATALOG_RCLS = "catalog-rcls";
  /** RCL | chart id | LNAM | occurrence | piece → StoredPiece: revision and feature index that placed it, and its content. */
  public static final String RCL_PIECES = "rcl-pieces";
  /** RCL | chart id → RclChartState: expected there, and the version that ended there. */
  public static final String RCL_CHARTS = "rcl-charts";
  /** RCL → RclEmission: sequence and content hash of its last emission. */
  public static final String RCL_EMITTED = "rcl-emitted";
  /** RCL → marker: RCLs changed since the last emission pass. */
  public static final String RCL_DIRTY = "rcl-dirty";

  private StoreNames() {}
}
