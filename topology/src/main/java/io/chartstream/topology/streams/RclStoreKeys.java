package io.chartstream.topology.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Composite keys of the stores, laid out so that RocksDB's key order groups what is read together
 * and a prefix scan finds it: {@code rcl(8) chartId 0x00 part(4)} for the sections of a chart in
 * an RCL, {@code rcl(8) chartId 0x00} for what an RCL knows of a chart, {@code chartId 0x00
 * rcl(8)} for where a chart has been, {@code chartId 0x00 lnam 0x00 occurrence(4)} for what a
 * source feature placed. A feature is filed under its stable key, its LNAM and the occurrence of
 * that LNAM in the chart version (split soundings share one LNAM), not under its index, which
 * changes with every update. One store record per (RCL, chart, part), per (RCL, chart), per
 * (chart, RCL) or per (chart, feature): none per piece.
 */
final class RclStoreKeys {
  private RclStoreKeys() {}

  /** Every section and chart state of an RCL. */
  static Bytes rcl(long rcl) {
    return Bytes.wrap(ByteBuffer.allocate(8).putLong(rcl).array());
  }

  /** The rcl-charts key of a chart in an RCL; also the prefix of its sections. */
  static Bytes rclChart(long rcl, String chartId) {
    byte[] chart = utf8(chartId);
    return Bytes.wrap(ByteBuffer.allocate(8 + chart.length + 1).putLong(rcl).put(chart).put((byte) 0).array());
  }

  /** The rcl-sections key of part {@code part} of a chart's section in an RCL (parts sort in order). */
  static Bytes rclSection(long rcl, String chartId, int part) {
    byte[] chart = utf8(chartId);
    return Bytes.wrap(ByteBuffer.allocate(8 + chart.length + 1 + 4).putLong(rcl).put(chart).put((byte) 0).putInt(part).array());
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

  /** Prefix of every chart-rcls, chart-features and chart-pieces key of a chart. */
  static Bytes chartPrefix(String chartId) {
    byte[] chart = utf8(chartId);
    return Bytes.wrap(ByteBuffer.allocate(chart.length + 1).put(chart).put((byte) 0).array());
  }

  /** The RCL of a chart-rcls key. */
  static long rclOf(Bytes chartRclKey) {
    byte[] key = chartRclKey.get();
    return ByteBuffer.wrap(key, key.length - 8, 8).getLong();
  }

  /** chart-features and chart-pieces key: {@code chartId 0x00 lnam 0x00 occurrence(4)}. */
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
