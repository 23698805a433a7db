package io.chartstream.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drawn map tiles, least recently used first out, bounded by the bytes they hold. Keys name the
 * tile and the version of everything drawn into it, so an entry never goes stale: a newer
 * version of an RCL makes a new key, and the old entry ages out. Thread-safe.
 */
final class TileCache {
  private final long maxBytes;
  private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  TileCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  synchronized byte[] get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, byte[] value) {
    byte[] before = entries.put(key, value);
    bytes += value.length - (before == null ? 0 : before.length);
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<String, byte[]> eldest = it.next();
      bytes -= eldest.getValue().length;
      it.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }
}
