package io.chartstream.topology.streams;

import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.internal.ChartExpectation;
import io.chartstream.schema.avro.internal.ChartTileEnd;
import io.chartstream.schema.avro.internal.EncodedPiece;
import io.chartstream.schema.avro.internal.RclChartState;
import io.chartstream.schema.avro.internal.RclEmission;
import io.chartstream.schema.avro.internal.RclEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * chart, and emits the RCL to {@code rcl.tiles} once it is finished — every chart expected there
 * has ended its current version — and again whenever its content changes.
 *
 * <p>An end marker for chart version R in an RCL removes that chart's pieces of every other
 * version there: features of a superseded version vanish, also from RCLs the new version no
 * longer reaches. Emission runs on a wall-clock punctuation over the RCLs changed since the last
 * pass, so an RCL that several charts change at once is emitted once. An RCL whose content hash
 * is unchanged is not emitted again ({@link RclTileBuilder}: a duplicate redelivery, or an
 * update that does not touch this RCL), so its last emission keeps naming the chart version
 * that last changed it.
 */
final class RclAssembler implements Processor<Long, RclEvent, Long, RclTile> {
  private static final byte[] DIRTY = {1};
  private static final Serializer<Bytes> KEYS = Serdes.Bytes().serializer();

  private final TopologyConfig config;
  private final PieceContent content = new PieceContent();
  private ProcessorContext<Long, RclTile> context;
  private KeyValueStore<Bytes, byte[]> pieces;
  private KeyValueStore<Bytes, RclChartState> charts;
  private KeyValueStore<Long, RclEmission> emitted;
  private KeyValueStore<Long, byte[]> dirty;

  RclAssembler(TopologyConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Long, RclTile> context) {
    this.context = context;
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
      case EncodedPiece piece -> pieces.put(RclStoreKeys.piece(rcl, piece.getChartId(), piece.getRevision(),
          piece.getFeatureIndex(), piece.getPiece()), PieceContent.bytesOf(piece.getContent()));
      case TileFeature piece -> pieces.put(RclStoreKeys.piece(rcl, piece.getChartId(), piece.getRevision(),
          piece.getFeatureIndex(), piece.getPiece()), content.content(piece)); // from an earlier chartstream
      case ChartTileEnd end -> onEnd(rcl, end);
      case ChartExpectation expectation -> onExpectation(rcl, expectation);
      default -> throw new IllegalArgumentException("unexpected RCL event " + record.value());
    }
  }

  private void onEnd(long rcl, ChartTileEnd end) {
    List<Bytes> superseded = new ArrayList<>();
    Bytes current = RclStoreKeys.rclChartRevision(rcl, end.getChartId(), end.getRevision());
    try (KeyValueIterator<Bytes, byte[]> it = pieces.prefixScan(RclStoreKeys.rclChart(rcl, end.getChartId()), KEYS)) {
      it.forEachRemaining(kv -> {
        if (!RclStoreKeys.startsWith(kv.key, current)) {
          superseded.add(kv.key);
        }
      });
    }
    superseded.forEach(pieces::delete);
    Bytes key = RclStoreKeys.rclChart(rcl, end.getChartId());
    RclChartState state = charts.get(key);
    if (state == null) {
      state = new RclChartState(false, null);
    }
    state.setEndedRevision(end.getRevision());
    charts.put(key, state);
    dirty.put(rcl, DIRTY);
  }

  private void onExpectation(long rcl, ChartExpectation expectation) {
    Bytes key = RclStoreKeys.rclChart(rcl, expectation.getChartId());
    RclChartState state = charts.get(key);
    if (state == null) {
      state = new RclChartState(false, null);
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
    for (long rcl : changed) {
      emitIfFinished(rcl, now);
      dirty.delete(rcl);
    }
  }

  private void emitIfFinished(long rcl, long now) {
    Map<String, RclChartState> states = new TreeMap<>();
    try (KeyValueIterator<Bytes, RclChartState> it = charts.prefixScan(RclStoreKeys.rcl(rcl), KEYS)) {
      it.forEachRemaining(kv -> states.put(RclStoreKeys.chartOf(kv.key), kv.value));
    }
    boolean anyEnded = false;
    for (RclChartState state : states.values()) {
      if (state.getExpected() && state.getEndedRevision() == null) {
        return; // an expected chart has not ended here yet
      }
      anyEnded |= state.getEndedRevision() != null;
    }
    if (!anyEnded) {
      return;
    }
    RclTileBuilder tile = new RclTileBuilder(rcl, content);
    for (var chart : states.entrySet()) {
      String revision = chart.getValue().getEndedRevision();
      if (revision == null) {
        continue; // not expected, not ended: a chart whose pieces are on their way
      }
      int count = 0;
      try (KeyValueIterator<Bytes, byte[]> it = pieces.prefixScan(RclStoreKeys.rclChartRevision(rcl, chart.getKey(), revision), KEYS)) {
        while (it.hasNext()) {
          var piece = it.next();
          tile.add(piece.value, revision, RclStoreKeys.featureIndexOf(piece.key));
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
      return;
    }
    long sequence = last == null ? 1 : last.getSequence() + 1;
    emitted.put(rcl, new RclEmission(sequence, hash));
    context.forward(new Record<>(rcl, tile.build(sequence), now));
  }
}
