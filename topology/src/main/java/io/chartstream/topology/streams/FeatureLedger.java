package io.chartstream.topology.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Store {@code chart-features}: what each source feature of each chart last placed
 * ({@link PlacedFeature}), under the feature's stable identity, its LNAM and the occurrence of
 * that LNAM in the chart version (GDAL splits a sounding group into points that share the LNAM;
 * the n-th of them is occurrence n in every version). An update file changes a few features of a
 * chart; the ledger lets the clip stage place only those, and tell the RCLs which features the
 * update deleted.
 */
final class FeatureLedger {
  private static final Serializer<Bytes> KEYS = Serdes.Bytes().serializer();

  private final KeyValueStore<Bytes, byte[]> store;
  /** What this process counted of each chart's version in progress. */
  private final Map<String, VersionCount> versions = new HashMap<>();

  /**
   * The next occurrence of each LNAM in a version, and the index of the last feature taken. A
   * cache: after a restart mid-version the occurrences are rebuilt from the entries this pass
   * already wrote, and the restart resumes from a committed offset.
   */
  private static final class VersionCount {
    final Map<String, Integer> occurrences = new HashMap<>();
    int lastIndex = -1;
  }

  /** A feature of the version in progress, and what the same feature placed before (null if nothing). */
  record Entry(Bytes key, String lnam, int occurrence, PlacedFeature before) {}

  /** A feature the finished version no longer has, and the RCLs its pieces are in. */
  record Removed(String lnam, int occurrence, long[] rcls) {}

  FeatureLedger(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Counts afresh: a version of {@code chartId} starts or ends. */
  void reset(String chartId) {
    versions.remove(chartId);
  }

  /**
   * The next feature named {@code lnam}, at {@code index}, in the version of {@code chartId} seen
   * in pass {@code pass}; null when {@code index} is not above the last one taken in the version.
   * A version's features come in index order, so that record is a copy: a producer that retried a
   * batch whose answer it lost writes it twice (the standalone Connect worker has no exactly-once
   * source support), and a copy counted would be placed again as a further occurrence.
   */
  Entry next(String chartId, String lnam, int index, int pass) {
    VersionCount version = versions.computeIfAbsent(chartId, c -> new VersionCount());
    if (index <= version.lastIndex) {
      return null;
    }
    version.lastIndex = index;
    Map<String, Integer> counts = version.occurrences;
    Integer known = counts.get(lnam);
    int occurrence = known == null ? 0 : known;
    Bytes key = RclStoreKeys.chartFeature(chartId, lnam, occurrence);
    PlacedFeature before = get(key);
    // Not counted yet in this process: skip the occurrences this pass saw before a restart.
    while (known == null && before != null && before.pass() == pass) {
      occurrence++;
      key = RclStoreKeys.chartFeature(chartId, lnam, occurrence);
      before = get(key);
    }
    counts.put(lnam, occurrence + 1);
    return new Entry(key, lnam, occurrence, before);
  }

  void put(Bytes key, PlacedFeature placed) {
    store.put(key, placed.encode());
  }

  void delete(Bytes key) {
    store.delete(key);
  }

  /** Takes out of the ledger every feature of {@code chartId} that pass {@code pass} did not see, and returns them. */
  List<Removed> removeUnseen(String chartId, int pass) {
    List<Bytes> keys = new ArrayList<>();
    List<Removed> removed = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = store.prefixScan(RclStoreKeys.chartPrefix(chartId), KEYS)) {
      while (it.hasNext()) {
        var kv = it.next();
        PlacedFeature placed = PlacedFeature.decode(kv.value);
        if (placed.pass() != pass) {
          keys.add(kv.key);
          removed.add(new Removed(RclStoreKeys.lnamOf(kv.key, chartId), RclStoreKeys.occurrenceOf(kv.key), placed.rcls()));
        }
      }
    }
    keys.forEach(store::delete);
    return removed;
  }

  /** A stored feature of a chart, in key order. */
  interface Visitor {
    void visit(Bytes key, PlacedFeature placed);
  }

  /** Every feature of {@code chartId}, in key order (LNAM, occurrence). */
  void forEach(String chartId, Visitor visitor) {
    try (KeyValueIterator<Bytes, byte[]> it = store.prefixScan(RclStoreKeys.chartPrefix(chartId), KEYS)) {
      while (it.hasNext()) {
        var kv = it.next();
        visitor.visit(kv.key, PlacedFeature.decode(kv.value));
      }
    }
  }

  private PlacedFeature get(Bytes key) {
    byte[] value = store.get(key);
    return value == null ? null : PlacedFeature.decode(value);
  }
}
