package io.chartstream.app.embedded;

import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the exchange sets' catalogues promised, from {@code charts.catalog}: a chart whose newest
 * entry is still the CATALOG.031 one ({@code EXCHANGE_SET}, not released) has not arrived; its
 * cell's own entry ({@code CELL}, the first record of every chart version read) means it did. The
 * RCLs its catalogue box covers wait for such a chart until it arrives or is released
 * ({@link ChartReleases}). Plain data, fed with the topic's records in order; not thread-safe.
 */
public final class CatalogPromises {
  /**
   * A chart promised and not arrived.
   *
   * @param entry       its newest catalogue entry (the CATALOG.031 one)
   * @param promisedAt  when this process first saw it promised (epoch millis)
   */
  public record Promise(ChartCatalogEntry entry, long promisedAt) {
    public String chartId() {
      return entry.getChartId();
    }
  }

  private final Map<String, Promise> waiting = new TreeMap<>();
  private final Map<String, String> released = new HashMap<>();

  /** Takes the newest entry of a chart (a tombstone forgets it). */
  public void accept(String chartId, ChartCatalogEntry entry, long nowMillis) {
    if (entry == null || entry.getSource() == CatalogSource.CELL) {
      waiting.remove(chartId);
      released.remove(chartId);
    } else if (entry.getReleased() != null) {
      waiting.remove(chartId);
      released.put(chartId, entry.getReleased());
    } else {
      released.remove(chartId);
      Promise before = waiting.get(chartId);
      waiting.put(chartId, new Promise(entry, before == null ? nowMillis : before.promisedAt()));
    }
  }

  /** Charts promised by a catalogue that have not arrived and were not released, by chart id. */
  public List<Promise> waiting() {
    return new ArrayList<>(waiting.values());
  }

  /** Whether {@code chartId} is promised and still waited for. */
  public boolean isWaiting(String chartId) {
    return waiting.containsKey(chartId);
  }

  /** Charts released without arriving, with the reason given. */
  public Map<String, String> released() {
    return Map.copyOf(released);
  }
}
