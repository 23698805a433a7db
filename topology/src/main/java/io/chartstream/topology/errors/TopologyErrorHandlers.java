package io.chartstream.topology.errors;

import io.chartstream.schema.avro.IngestError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Installs the topology's three exception handlers, which turn a record that cannot be read
 * ({@link SkipUndecodableRecords}), processed ({@link SkipFailedRecords}) or written
 * ({@link SkipUnwritableRecords}) into one dead letter naming its topic, partition, offset and the
 * reason, and go on: one poison record never stops the stage, nor fails again after every
 * restart. Records too large for their topic are kept from the producer before that
 * ({@code RecordSizeGuard}): under exactly-once a failed send aborts the whole transaction, which
 * no handler can undo.
 */
public final class TopologyErrorHandlers {
  /** Streams config key of the {@link DeadLetters} instance the handlers write to. */
  public static final String DEAD_LETTERS_CONFIG = "chartstream.dead.letters";

  private TopologyErrorHandlers() {}

  /** Sets the three handlers in {@code props}, writing to {@code deadLetters}. */
  public static void install(Properties props, DeadLetters deadLetters) {
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUndecodableRecords.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, SkipFailedRecords.class);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUnwritableRecords.class);
    props.put(DEAD_LETTERS_CONFIG, deadLetters);
  }

  static DeadLetters deadLetters(Map<String, ?> configs) {
    Object sink = configs.get(DEAD_LETTERS_CONFIG);
    if (sink instanceof DeadLetters d) {
      return d;
    }
    throw new IllegalStateException(DEAD_LETTERS_CONFIG + " must hold a " + DeadLetters.class.getName() + ", not " + sink);
  }

  /** Where the record came from, as a dead letter's file: {@code s57.features-2@1234}. */
  static String position(ErrorHandlerContext context) {
    return context.topic() == null ? "punctuation of " + context.processorNodeId()
        : context.topic() + "-" + context.partition() + "@" + context.offset();
  }

  static IngestError error(String file, String chartId, String stage, String code, String reason, byte[] firstBytes) {
    return IngestError.newBuilder()
        .setFile(file)
        .setChartId(chartId)
        .setStage(stage)
        .setCode(code)
        .setReason(reason)
        .setFirstBytes(firstBytes == null ? null : ByteBuffer.wrap(firstBytes, 0, Math.min(64, firstBytes.length)).slice())
        .setDetectedAt(Instant.now())
        .build();
  }

  /**
   * The chart id in a record key written in the Confluent wire format (magic byte, schema id,
   * Avro string), or null when the key is not one: a best effort, for naming the chart.
   */
  static String chartIdOf(byte[] key) {
    if (key == null || key.length < 7 || key[0] != 0) {
      return null;
    }
    int at = 5;
    long length = 0;
    int shift = 0;
    while (at < key.length && shift < 35) {
      int b = key[at++] & 0xff;
      length |= (long) (b & 0x7f) << shift;
      shift += 7;
      if ((b & 0x80) == 0) {
        long decoded = (length >>> 1) ^ -(length & 1);
        return decoded > 0 && decoded <= 64 && at + decoded == key.length
            ? new String(key, at, (int) decoded, StandardCharsets.UTF_8) : null;
      }
    }
    return null;
  }

  /** What went wrong, in one line: the exception and its innermost cause. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.toString() : e + " (caused by " + root + ")";
  }
}
