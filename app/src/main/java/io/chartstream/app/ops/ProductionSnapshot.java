package io.chartstream.app.ops;

import io.chartstream.app.progress.Completion;
import java.util.Set;
import java.util.List;

/**
 * Where a production stands at one moment: what the metrics, {@code status} and the operator
 * page show. Counts come from what is committed on Kafka and stored in the dbv, never from a
 * component's own say-so.
 *
 * @param chartsKnown charts found in the input (cells and catalogued files)
 * @param chartsIngested charts whose current version ended on {@code s57.features}
 * @param chartsFailed charts named by a dead letter
 * @param featuresIngested features on {@code s57.features}
 * @param tileFeatures features in the dbv's tiles (a feature in several tiles counts once per tile)
 * @param rclsFinished finished tile records the topology committed to {@code rcl.tiles}
 * @param rclsPending records on {@code rcl.tiles} not yet stored in the dbv
 * @param tilesWritten tiles in the dbv
 * @param dbvCharts charts with a version in the dbv
 * @param lastUpdateLatencySeconds seconds from new data reaching Kafka to the dbv holding all of
 *     it, for the last such update; NaN before the first
 * @param ingestComplete every chart of the input ended or failed, every bad file reported
 * @param ingestedChartIds the charts of {@code chartsIngested}
 * @param chartsNotEnded charts of the input whose current version has not ended (yet, or they failed)
 * @param dbvRcls the RCLs with a tile in the dbv
 * @param caughtUp ingest complete and the topology and the sink with nothing left to read ({@link Completion#caughtUp})
 * @param done caught up for {@link Completion#SETTLE}: the production is done ({@link Completion})
 * @param waiting charts a catalogue promised that have not arrived, with the RCLs waiting for them
 */
public record ProductionSnapshot(long epochMillis, int chartsKnown, int chartsIngested, int chartsFailed,
                                 long featuresIngested, long tileFeatures, long rclsFinished, long rclsPending,
                                 long tilesWritten, int dbvCharts, long dbvSizeBytes, double lastUpdateLatencySeconds,
                                 boolean ingestComplete, List<PartitionLag> lags, List<ChartState> charts,
                                 List<DeadLetter> deadLetters, Set<String> ingestedChartIds, List<String> chartsNotEnded,
                                 Set<Long> dbvRcls, boolean caughtUp, boolean done, List<WaitingChart> waiting) {
  public static final ProductionSnapshot EMPTY = new ProductionSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN,
      false, List.of(), List.of(), List.of(), Set.of(), List.of(), Set.of(), false, false, List.of());

  public long topologyLag() {
    return LagProbe.total(lags, "topology");
  }

  public long sinkLag() {
    return LagProbe.total(lags, "sink");
  }

  /** The committed positions of {@code stage} ({@code topology} or {@code sink}) summed: it moves when the stage does. */
  public long position(String stage) {
    return lags.stream().filter(l -> l.stage().equals(stage)).mapToLong(l -> Math.max(0, l.committed())).sum();
  }
}
