package io.chartstream.ingest.connect;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Which unit of work (a chart version, a catalogue, a reported bad file) is done, by source
 * partition. Connect persists the offsets; this ledger reads each partition's committed offset
 * once and then tracks what this task has handed to Connect since, so nothing finished is read
 * again, neither in this run nor after a restart.
 */
final class OffsetLedger {
  static final String VALUE = "done";

  private final OffsetStorageReader reader;
  private final AckedUnits acked;
  private final Map<Map<String, String>, String> done = new HashMap<>();

  OffsetLedger(OffsetStorageReader reader) {
    this(reader, null);
  }

  /** With {@code acked} (may be null): units acknowledged since Connect last stored its offsets. */
  OffsetLedger(OffsetStorageReader reader, AckedUnits acked) {
    this.reader = reader;
    this.acked = acked;
  }

  /** The value recorded as done for {@code partition}, or "" if none. */
  String done(Map<String, String> partition) {
    return done.computeIfAbsent(partition, p -> {
      String acknowledged = acked == null ? null : acked.done(p);
      if (acknowledged != null) {
        return acknowledged; // at least as new as Connect's stored offset, which is flushed later
      }
      Map<String, Object> offset = reader == null ? null : reader.offset(p);
      return offset == null ? "" : String.valueOf(offset.getOrDefault(VALUE, ""));
    });
  }

  boolean isDone(Map<String, String> partition, String value) {
    return Objects.equals(done(partition), value);
  }

  void markDone(Map<String, String> partition, String value) {
    done.put(partition, value);
  }

  /** The offset map Connect stores for {@code value}. */
  static Map<String, String> offset(String value) {
    return Map.of(VALUE, value);
  }
}
