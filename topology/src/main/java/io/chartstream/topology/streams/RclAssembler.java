package io.chartstream.topology.streams;

import io.chartstream.schema.avro.internal.ChartExpectation;
import io.chartstream.schema.avro.internal.ChartTileEnd;
import io.chartstream.schema.avro.internal.EncodedPiece;
import io.chartstream.schema.avro.internal.FeatureRemoval;
import io.chartstream.schema.avro.internal.RclChartState;
import io.chartstream.schema.avro.internal.RclEmission;
import io.chartstream.schema.avro.internal.RclEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The RCL stage (input repartitioned by RCL): keeps each RCL's pieces and what it knows of each
 * chart, and emits the RCL to {@code rcl.tiles}, as the Avro binary of its {@code RclTile}
 * ({@link RclTileBuilder}), once it is finished — every chart expected there
 * has ended its current version — and again whenever its content changes.
 *
 * <p>Pieces are filed by feature (LNAM and occurrence), not by chart version: a chart version
 * sends only the features it changes ({@link FeatureClipProcessor}), each preceded by a
 * {@code FeatureRemoval} of what the feature placed before, plus removals of the features it
 * deleted; every other piece stays as it is. While a version of a chart that has ended here
 * before is changing an RCL, the RCL waits for that version's end marker, so no tile mixes two
 * versions of a chart. Emission runs on a wall-clock punctuation over the RCLs changed since the
 * last pass, so an RCL that several charts change at once is emitted once. An RCL whose content
 * hash is unchanged is not emitted again ({@link RclTileBuilder}), so its last emission keeps
 * naming the chart version that last changed it.
 */
final class RclAssembler implements Processor<Long, RclEvent, Long, byte[]> {
  private static final byte[] DIRTY = {1};
  private static final Serializer<Bytes> KEYS = Serdes.Bytes().serializer();

  private final TopologyConfig config;
  /** (RCL, chart) keys already marked changing for the version in progress: a cache of rcl-charts. */
  private final Set<Bytes> changing = new HashSet<>();
  private ProcessorContext<Long, byte[]> context;
  private KeyValueStore<Bytes, byte[]> pieces;
  private KeyValueStore<Bytes, RclChartState> charts;
  private KeyValueStore<Long, RclEmission> emitted;
  private KeyValueStore<Long, byte[]> dirty;

  RclAssembler(TopologyConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Long, byte[]> context) {
    this.context = context;
    changing.clear(); // the stores may have been restored (a revived task): the cache starts afresh
    pieces = context.getStateStore(StoreNames.RCL_PIECES);
    charts = context.getStateStore(StoreNames.RCL_CHARTS);
    emitted = context.getStateStore(StoreNames.RCL_EMITTED);
    dirty = context.getStateStore(StoreNames.RCL_DIRTY);
    context.schedule(config.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::emitFinished);
  }

  @Override
  public void process(Record<Long, RclEvent> record) {
    long rcl = record.key();
    switch (record.value().getEvent()) {
      case EncodedPiece piece -> {
        markChanging(rcl, piece.getChartId());
        pieces.put(RclStoreKeys.piece(rcl, piece.getChartId(), piece.getLnam(), piece.getOccurrence(), piece.getPiece()),
            StoredPiece.encode(piece.getRevision(), piece.getFeatureIndex(), piece.getContent()));
      }
      case FeatureRemoval removal -> onRemoval(rcl, removal);
      case ChartTileEnd end -> onEnd(rcl, end);
      case ChartExpectation expectation -> onExpectation(rcl, expectation);
      default -> throw new IllegalArgumentException("unexpected RCL event " + record.value());
    }
  }

  private void onRemoval(long rcl, FeatureRemoval removal) {
    markChanging(rcl, removal.getChartId());
    List<Bytes> gone = new ArrayList<>();
    Bytes feature = RclStoreKeys.rclFeature(rcl, removal.getChartId(), removal.getLnam(), removal.getOccurrence());
    try (KeyValueIterator<Bytes, byte[]> it = pieces.prefixScan(feature, KEYS)) {
      it.forEachRemaining(kv -> gone.add(kv.key));
    }
    gone.forEach(pieces::delete);
  }

  /** Holds the RCL back until the chart's version in progress ends here (once per RCL, chart and version). */
  private void markChanging(long rcl, String chartId) {
    Bytes key = RclStoreKeys.rclChart(rcl, chartId);
    if (changing.add(key)) {
      RclChartState state = charts.get(key);
      if (state == null) {
        state = new RclChartState(false, null, false);
      }
      if (!state.getChanging()) {
        state.setChanging(true);
        charts.put(key, state);
      }
    }
  }

  private void onEnd(long rcl, ChartTileEnd end) {
    Bytes key = RclStoreKeys.rclChart(rcl, end.getChartId());
    changing.remove(key);
    RclChartState state = charts.get(key);
    if (state == null) {
      state = new RclChartState(false, null, false);
    }
    // A version that changed nothing here leaves the tile as it is: no need to look at it again.
    boolean changed = state.getChanging() || state.getEndedRevision() == null;
    state.setEndedRevision(end.getRevision());
    state.setChanging(false);
    charts.put(key, state);
    if (changed) {
      dirty.put(rcl, DIRTY);
    }
  }

  private void onExpectation(long rcl, ChartExpectation expectation) {
    Bytes key = RclStoreKeys.rclChart(rcl, expectation.getChartId());
    RclChartState state = charts.get(key);
    if (state == null) {
      state = new RclChartState(false, null, false);
    }
    state.setExpected(expectation.getExpected());
    charts.put(key, state);
    dirty.put(rcl, DIRTY);
  }

  /** Emits every changed RCL that is finished and whose content differs from its last emission. */
  private void emitFinished(long now) {
    List<Long> changed = new ArrayList<>();
    try (KeyValueIterator<Long, byte[]> it = dirty.all()) {
      it.forEachRemaining(kv -> changed.add(kv.key));
    }
    boolean emittedAny = false;
    for (long rcl : changed) {
      emittedAny |= emitIfFinished(rcl, now);
      dirty.delete(rcl);
    }
    if (emittedAny) {
      context.commit(); // the sink reads committed tiles only: hand these over now, not at the next interval
    }
  }

  /** Emits the RCL if it is finished and its content changed; returns whether it did. */
  private boolean emitIfFinished(long rcl, long now) {
    Map<String, RclChartState> states = new TreeMap<>();
    try (KeyValueIterator<Bytes, RclChartState> it = charts.prefixScan(RclStoreKeys.rcl(rcl), KEYS)) {
      it.forEachRemaining(kv -> states.put(RclStoreKeys.chartOf(kv.key), kv.value));
    }
    boolean anyEnded = false;
    for (RclChartState state : states.values()) {
      if (state.getExpected() && state.getEndedRevision() == null) {
        return false; // an expected chart has not ended here yet
      }
      if (state.getChanging() && state.getEndedRevision() != null) {
        return false; // a new version of a chart shown here is on its way: its end marker makes the RCL dirty again
      }
      anyEnded |= state.getEndedRevision() != null;
    }
    if (!anyEnded) {
      return false;
    }
    RclTileBuilder tile = new RclTileBuilder(rcl);
    for (var chart : states.entrySet()) {
      String revision = chart.getValue().getEndedRevision();
      if (revision == null) {
        continue; // not expected, not ended: a chart whose first pieces are on their way
      }
      int count = 0;
      try (KeyValueIterator<Bytes, byte[]> it = pieces.prefixScan(RclStoreKeys.rclChart(rcl, chart.getKey()), KEYS)) {
        while (it.hasNext()) {
          tile.add(it.next().value);
          count++;
        }
      }
      if (count > 0 || chart.getValue().getExpected()) {
        tile.contribute(chart.getKey(), revision, count);
      } else {
        charts.delete(RclStoreKeys.rclChart(rcl, chart.getKey())); // left this RCL for good
      }
    }
    RclEmission last = emitted.get(rcl);
    String hash = tile.contentHash();
    if (last != null && last.getContentHash().equals(hash)) {
      return false;
    }
    long sequence = last == null ? 1 : last.getSequence() + 1;
    emitted.put(rcl, new RclEmission(sequence, hash));
    context.forward(new Record<>(rcl, tile.encode(sequence), now));
    return true;
  }
}
