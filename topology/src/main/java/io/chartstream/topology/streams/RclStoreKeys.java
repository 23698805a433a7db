package io.chartstream.topology.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * Composite keys of the RCL stores, laid out so that RocksDB's key order groups what is read
 * together and a prefix scan finds it: {@code rcl(8) chartId 0x00 revision 0x00 index(4) piece(4)}.
 * One store record per piece or per (RCL, chart): no record grows with tile density.
 */
final class RclStoreKeys {
  private RclStoreKeys() {}

  /** Every piece and chart state of an RCL. */
  static Bytes rcl(long rcl) {
    return Bytes.wrap(ByteBuffer.allocate(8).putLong(rcl).array());
  }

  /** Every piece of one chart in an RCL, all revisions; also the rcl-charts key. */
  static Bytes rclChart(long rcl, String chartId) {
    byte[] chart = chartId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(8 + chart.length + 1).putLong(rcl).put(chart).put((byte) 0).array());
  }

  static Bytes piece(long rcl, String chartId, String revision, int featureIndex, int piece) {
    byte[] chart = chartId.getBytes(StandardCharsets.UTF_8);
    byte[] rev = revision.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(8 + chart.length + 1 + rev.length + 1 + 8)
        .putLong(rcl).put(chart).put((byte) 0).put(rev).put((byte) 0).putInt(featureIndex).putInt(piece).array());
  }

  /** Every piece of one chart version in an RCL. */
  static Bytes rclChartRevision(long rcl, String chartId, String revision) {
    byte[] chart = chartId.getBytes(StandardCharsets.UTF_8);
    byte[] rev = revision.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(8 + chart.length + 1 + rev.length + 1)
        .putLong(rcl).put(chart).put((byte) 0).put(rev).put((byte) 0).array());
  }

  /** Whether {@code key} begins with {@code prefix}. */
  static boolean startsWith(Bytes key, Bytes prefix) {
    byte[] k = key.get();
    byte[] p = prefix.get();
    return k.length >= p.length && Arrays.equals(k, 0, p.length, p, 0, p.length);
  }

  /** The feature index of an rcl-pieces key. */
  static int featureIndexOf(Bytes pieceKey) {
    byte[] key = pieceKey.get();
    return ByteBuffer.wrap(key, key.length - 8, 4).getInt();
  }

  /** The chart id of an rcl-charts key. */
  static String chartOf(Bytes rclChartKey) {
    byte[] key = rclChartKey.get();
    return new String(key, 8, key.length - 9, StandardCharsets.UTF_8);
  }

  /** chart-rcls key: {@code chartId 0x00 rcl(8)}. */
  static Bytes chartRcl(String chartId, long rcl) {
    byte[] chart = chartId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(chart.length + 1 + 8).put(chart).put((byte) 0).putLong(rcl).array());
  }

  /** Prefix of every chart-rcls key of a chart. */
  static Bytes chartPrefix(String chartId) {
    byte[] chart = chartId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(chart.length + 1).put(chart).put((byte) 0).array());
  }

  /** The RCL of a chart-rcls key. */
  static long rclOf(Bytes chartRclKey) {
    byte[] key = chartRclKey.get();
    return ByteBuffer.wrap(key, key.length - 8, 8).getLong();
  }
}
