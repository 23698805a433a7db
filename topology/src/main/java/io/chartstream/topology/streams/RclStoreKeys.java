package io.chartstream.topology.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Composite keys of the stores, laid out so that RocksDB's key order groups what is read together
 * and a prefix scan finds it. A piece is filed under its feature's stable key, its LNAM and the
 * occurrence of that LNAM in the chart version (split soundings share one LNAM), not under the
 * version or the feature's index, which both change with every update: {@code rcl(8) chartId 0x00
 * lnam 0x00 occurrence(4) piece(4)}. One store record per piece, per (RCL, chart) or per (chart,
 * feature): no record grows with tile density.
 */
final class RclStoreKeys {
  private RclStoreKeys() {}

  /** Every piece and chart state of an RCL. */
  static Bytes rcl(long rcl) {
    return Bytes.wrap(ByteBuffer.allocate(8).putLong(rcl).array());
  }

  /** Every piece of one chart in an RCL; also the rcl-charts key. */
  static Bytes rclChart(long rcl, String chartId) {
    byte[] chart = utf8(chartId);
    return Bytes.wrap(ByteBuffer.allocate(8 + chart.length + 1).putLong(rcl).put(chart).put((byte) 0).array());
  }

  /** Every piece of one feature of a chart in an RCL. */
  static Bytes rclFeature(long rcl, String chartId, String lnam, int occurrence) {
    return Bytes.wrap(rclFeature(rcl, chartId, lnam, occurrence, 0).array());
  }

  static Bytes piece(long rcl, String chartId, String lnam, int occurrence, int piece) {
    return Bytes.wrap(rclFeature(rcl, chartId, lnam, occurrence, 4).putInt(piece).array());
  }

  private static ByteBuffer rclFeature(long rcl, String chartId, String lnam, int occurrence, int extra) {
    byte[] chart = utf8(chartId);
    byte[] name = utf8(lnam);
    return ByteBuffer.allocate(8 + chart.length + 1 + name.length + 1 + 4 + extra)
        .putLong(rcl).put(chart).put((byte) 0).put(name).put((byte) 0).putInt(occurrence);
  }

  /** The chart id of an rcl-charts key. */
  static String chartOf(Bytes rclChartKey) {
    byte[] key = rclChartKey.get();
    return new String(key, 8, key.length - 9, StandardCharsets.UTF_8);
  }

  /** chart-rcls key: {@code chartId 0x00 rcl(8)}. */
  static Bytes chartRcl(String chartId, long rcl) {
    byte[] chart = utf8(chartId);
    return Bytes.wrap(ByteBuffer.allocate(chart.length + 1 + 8).put(chart).put((byte) 0).putLong(rcl).array());
  }

  /** Prefix of every chart-rcls and chart-features key of a chart. */
  static Bytes chartPrefix(String chartId) {
    byte[] chart = utf8(chartId);
    return Bytes.wrap(ByteBuffer.allocate(chart.length + 1).put(chart).put((byte) 0).array());
  }

  /** The RCL of a chart-rcls key. */
  static long rclOf(Bytes chartRclKey) {
    byte[] key = chartRclKey.get();
    return ByteBuffer.wrap(key, key.length - 8, 8).getLong();
  }

  /** chart-features key: {@code chartId 0x00 lnam 0x00 occurrence(4)}. */
  static Bytes chartFeature(String chartId, String lnam, int occurrence) {
    byte[] chart = utf8(chartId);
    byte[] name = utf8(lnam);
    return Bytes.wrap(ByteBuffer.allocate(chart.length + 1 + name.length + 1 + 4)
        .put(chart).put((byte) 0).put(name).put((byte) 0).putInt(occurrence).array());
  }

  /** The LNAM of a chart-features key of chart {@code chartId}. */
  static String lnamOf(Bytes chartFeatureKey, String chartId) {
    byte[] key = chartFeatureKey.get();
    int start = utf8(chartId).length + 1;
    return new String(key, start, key.length - start - 5, StandardCharsets.UTF_8);
  }

  /** The occurrence of a chart-features key. */
  static int occurrenceOf(Bytes chartFeatureKey) {
    byte[] key = chartFeatureKey.get();
    return ByteBuffer.wrap(key, key.length - 4, 4).getInt();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
