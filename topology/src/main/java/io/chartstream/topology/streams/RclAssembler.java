package io.chartstream.topology.streams;

import io.chartstream.schema.avro.internal.ChartExpectation;
import io.chartstream.schema.avro.internal.RclChartState;
import io.chartstream.schema.avro.internal.RclEmission;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.schema.avro.internal.SectionPart;
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
 * The RCL stage (input repartitioned by RCL): keeps each chart's section of each RCL and what it
 * knows of each chart, and emits the RCL to {@code rcl.tiles}, as the Avro binary of its
 * {@code RclTile} ({@link RclTileBuilder}), once it is finished — every chart expected there has
 * sent a whole section — and again whenever its content changes.
 *
 * <p>A chart version that changes an RCL sends it everything the chart has there, in one part or
 * a few ({@link ChartSections}): part 0 replaces what the RCL held of the chart, the last part
 * completes it. While the parts of a chart that showed here before are arriving, the RCL waits
 * for the last, so no tile mixes two versions of a chart or holds half of one. Emission runs on a
 * wall-clock punctuation over the RCLs changed since the last pass, so an RCL that several charts
 * change at once is emitted once. An RCL whose content hash is unchanged is not emitted again,
 * so its last emission keeps naming the chart version that last changed it.
 */
final class RclAssembler implements Processor<Long, RclEvent, Long, byte[]> {
  private static final byte[] DIRTY = {1};
  private static final Serializer<Bytes> KEYS = Serdes.Bytes().serializer();

  private final TopologyConfig config;
  private ProcessorContext<Long, byte[]> context;
  private KeyValueStore<Bytes, SectionPart> sections;
  private KeyValueStore<Bytes, RclChartState> charts;
  private KeyValueStore<Long, RclEmission> emitted;
  private KeyValueStore<Long, byte[]> dirty;

  RclAssembler(TopologyConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Long, byte[]> context) {
    this.context = context;
    sections = context.getStateStore(StoreNames.RCL_SECTIONS);
    charts = context.getStateStore(StoreNames.RCL_CHARTS);
    emitted = context.getStateStore(StoreNames.RCL_EMITTED);
    dirty = context.getStateStore(StoreNames.RCL_DIRTY);
    context.schedule(config.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::emitFinished);
  }

  @Override
  public void process(Record<Long, RclEvent> record) {
    long rcl = record.key();
    switch (record.value().getEvent()) {
      case SectionPart part -> onPart(rcl, part);
      case ChartExpectation expectation -> onExpectation(rcl, expectation);
      default -> throw new IllegalArgumentException("unexpected RCL event " + record.value());
    }
  }

  private void onPart(long rcl, SectionPart part) {
    Bytes key = RclStoreKeys.rclChart(rcl, part.getChartId());
    RclChartState state = stateOf(key);
    if (part.getPart() == 0) {
      deleteSections(key, 1); // part 0 itself is overwritten
      state.setReceiving(true);
    }
    sections.put(RclStoreKeys.rclSection(rcl, part.getChartId(), part.getPart()), part);
    if (part.getLast()) {
      state.setReceiving(false);
      state.setEndedRevision(part.getRevision());
      dirty.put(rcl, DIRTY);
    }
    charts.put(key, state);
  }

  private void onExpectation(long rcl, ChartExpectation expectation) {
    Bytes key = RclStoreKeys.rclChart(rcl, expectation.getChartId());
    RclChartState state = stateOf(key);
    state.setExpected(expectation.getExpected());
    charts.put(key, state);
    dirty.put(rcl, DIRTY);
  }

  private RclChartState stateOf(Bytes key) {
    RclChartState state = charts.get(key);
    return state == null ? new RclChartState(false, null, false) : state;
  }

  /** Deletes the stored parts from {@code fromPart} on of a chart in an RCL ({@code rclChart} is their prefix). */
  private void deleteSections(Bytes rclChart, int fromPart) {
    List<Bytes> gone = new ArrayList<>();
    try (KeyValueIterator<Bytes, SectionPart> it = sections.prefixScan(rclChart, KEYS)) {
      it.forEachRemaining(kv -> {
        if (kv.value.getPart() >= fromPart) {
          gone.add(kv.key);
        }
      });
    }
    gone.forEach(sections::delete);
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
        return false; // an expected chart has not sent its section here yet
      }
      if (state.getReceiving() && state.getEndedRevision() != null) {
        return false; // the parts of a new version of a chart shown here are arriving: its last part makes the RCL dirty again
      }
      anyEnded |= state.getEndedRevision() != null;
    }
    if (!anyEnded) {
      return false;
    }
    RclTileBuilder tile = new RclTileBuilder(rcl);
    for (var chart : states.entrySet()) {
      RclChartState state = chart.getValue();
      if (state.getEndedRevision() == null || state.getReceiving()) {
        continue; // not expected, not ended: a chart whose first section is on its way
      }
      Bytes key = RclStoreKeys.rclChart(rcl, chart.getKey());
      int count = 0;
      try (KeyValueIterator<Bytes, SectionPart> it = sections.prefixScan(key, KEYS)) {
        while (it.hasNext()) {
          SectionPart part = it.next().value;
          count += part.getPieceCount();
          if (part.getPieceCount() > 0) {
            tile.add(part);
          }
        }
      }
      if (count > 0 || state.getExpected()) {
        tile.contribute(chart.getKey(), state.getEndedRevision(), count);
      } else {
        charts.delete(key); // left this RCL for good
        deleteSections(key, 0);
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
