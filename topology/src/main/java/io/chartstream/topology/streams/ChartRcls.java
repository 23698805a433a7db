package io.chartstream.topology.streams;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Store {@code chart-rcls}: where each chart is, one record per (chart, RCL). {@link #SENT}: the
 * RCL holds a section of the chart (so it knows the chart there); {@link #CHANGED}: the version in
 * progress changed a feature with pieces there (before or after), so the RCL's section is built
 * again and sent when the version ends. Marks survive a restart mid-version: the section is
 * rebuilt from the stored features whatever the process that marked it.
 */
final class ChartRcls {
  static final byte SENT = 1;
  static final byte CHANGED = 2;
  private static final Serializer<Bytes> KEYS = Serdes.Bytes().serializer();

  private final KeyValueStore<Bytes, byte[]> store;
  /** RCLs marked changed in each chart's version in progress: a cache of the store. */
  private final Map<String, Set<Long>> marked = new HashMap<>();

  ChartRcls(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Notes that the version in progress of {@code chartId} changed what it has in {@code rcl}. */
  void changed(String chartId, long rcl) {
    Set<Long> rcls = marked.computeIfAbsent(chartId, c -> {
      Set<Long> known = new HashSet<>();
      flags(c).forEach((r, f) -> {
        if ((f & CHANGED) != 0) {
          known.add(r);
        }
      });
      return known;
    });
    if (rcls.add(rcl)) {
      Bytes key = RclStoreKeys.chartRcl(chartId, rcl);
      byte[] flags = store.get(key);
      store.put(key, new byte[] {(byte) ((flags == null ? 0 : flags[0]) | CHANGED)});
    }
  }

  /** Each RCL of {@code chartId} with its flags, in RCL order. */
  Map<Long, Byte> flags(String chartId) {
    Map<Long, Byte> out = new TreeMap<>();
    try (KeyValueIterator<Bytes, byte[]> it = store.prefixScan(RclStoreKeys.chartPrefix(chartId), KEYS)) {
      it.forEachRemaining(kv -> out.put(RclStoreKeys.rclOf(kv.key), kv.value[0]));
    }
    return out;
  }

  /** After a version's end: {@code rcl} holds the chart's section ({@code holds}) or nothing of it. */
  void sent(String chartId, long rcl, boolean holds) {
    Bytes key = RclStoreKeys.chartRcl(chartId, rcl);
    if (holds) {
      store.put(key, new byte[] {SENT});
    } else {
      store.delete(key);
    }
  }

  /** The version in progress of {@code chartId} has ended: its marks were acted on. */
  void versionEnded(String chartId) {
    marked.remove(chartId);
  }

  /** Forgets the cache (the store may have been restored). */
  void clearCache() {
    marked.clear();
  }
}
