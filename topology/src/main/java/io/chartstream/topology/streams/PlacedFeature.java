package io.chartstream.topology.streams;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What one source feature of a chart last placed, the value of store {@code chart-features}: the
 * pass of the chart version that last saw it, the digest of what it was then, and the RCLs its
 * pieces went to. Where the digest of the same feature in a later version is equal, its pieces
 * are in those RCLs already and the feature is not clipped or sent again.
 *
 * @param pass   {@code ChartProgress.pass} of the version that last saw the feature
 * @param digest {@link FeatureDigest} of the feature as placed
 * @param rcls   the RCLs holding its pieces, ascending, without repeats
 */
record PlacedFeature(int pass, byte[] digest, long[] rcls) {
  PlacedFeature withPass(int newPass) {
    return new PlacedFeature(newPass, digest, rcls);
  }

  boolean sameContent(byte[] otherDigest) {
    return Arrays.equals(digest, otherDigest);
  }

  /** {@code pass(4) digestLength(1) digest rcls(8 each)}: written once per feature and version, read as often. */
  byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(4 + 1 + digest.length + 8 * rcls.length).putInt(pass).put((byte) digest.length).put(digest);
    for (long rcl : rcls) {
      out.putLong(rcl);
    }
    return out.array();
  }

  static PlacedFeature decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int pass = in.getInt();
    byte[] digest = new byte[in.get()];
    in.get(digest);
    long[] rcls = new long[in.remaining() / 8];
    for (int i = 0; i < rcls.length; i++) {
      rcls[i] = in.getLong();
    }
    return new PlacedFeature(pass, digest, rcls);
  }
}
