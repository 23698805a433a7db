package io.chartstream.topology.streams;

import io.chartstream.schema.avro.IngestError;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps records too large for their topic from the producer: under exactly-once a send refused as
 * too large aborts the whole transaction, so the task would process the same input, and fail on
 * the same record, for ever. A record within {@code maxBytes} passes on unchanged; a larger one is
 * turned into one dead letter ({@code (String key, IngestError)}, for {@code topology.errors})
 * saying what it was and how big, and is not written. The rule for a tile: it is not emitted,
 * the dbv keeps the RCL's previous tile if it had one, and the dead letter names the RCL (the fix is
 * a deeper level for the charts there, so each tile holds less).
 *
 * @param <K> key
 * @param <V> value
 */
final class RecordSizeGuard<K, V> implements Processor<K, V, Object, Object> {
  /**
   * The largest record chartstream's topics take (their {@code max.message.bytes} and the
   * producers' {@code max.request.size}), less room for the key, the wire header and the record's
   * framing.
   */
  static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024 - 64 * 1024;

  /** What a refused record was, for the dead letter. */
  record Refusal(String key, String file, String chartId, String what) {}

  private final int maxBytes;
  private final ToIntFunction<V> size;
  private final BiFunction<K, V, Refusal> describe;
  private ProcessorContext<Object, Object> context;

  /**
   * @param size     the record's size in bytes as it will be written (an upper bound is fine)
   * @param describe names a refused record
   */
  RecordSizeGuard(int maxBytes, ToIntFunction<V> size, BiFunction<K, V, Refusal> describe) {
    this.maxBytes = maxBytes;
    this.size = size;
    this.describe = describe;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<K, V> record) {
    int bytes = record.value() == null ? 0 : size.applyAsInt(record.value());
    if (bytes <= maxBytes) {
      context.forward(record.withKey((Object) record.key()).withValue(record.value()));
      return;
    }
    Refusal refusal = describe.apply(record.key(), record.value());
    IngestError error = IngestError.newBuilder()
        .setFile(refusal.file())
        .setChartId(refusal.chartId())
        .setStage("write")
        .setCode("record_too_large")
        .setReason(String.format(java.util.Locale.ROOT, "%s is %,d bytes, more than the %,d a record may hold: not written",
            refusal.what(), bytes, maxBytes))
        .setDetectedAt(Instant.ofEpochMilli(record.timestamp()))
        .build();
    context.forward(record.withKey((Object) refusal.key()).withValue(error));
  }
}
