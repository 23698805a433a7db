package io.chartstream.topology;

/**
 * When a feature is big enough to spread its work over more cores than the stream thread's own:
 * a few areas of tens of thousands of vertices (a coastline zone, a quality polygon) are most of
 * the clipping, triangulation and display-point work of a band-1 chart, and of an update that
 * changes them. From {@value #VERTICES} vertices, an area's rows of tiles are cut in parallel
 * ({@code TileClipper}), its pieces are triangulated in parallel ({@code TriangulationStage}) and
 * its display point is found beside the clipping ({@code DisplayPointStage}), on the common
 * fork-join pool; below that, handing work over costs more than it saves.
 */
public final class BigFeature {
  public static final int VERTICES = 5_000;

  private BigFeature() {}
}
