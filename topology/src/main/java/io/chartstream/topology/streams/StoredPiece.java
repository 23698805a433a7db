package io.chartstream.topology.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The value of store {@code rcl-pieces}: which chart version placed the piece and as which
 * feature index there ({@code revision}, {@code featureIndex}), then the piece's content bytes
 * ({@link PieceContent}) as the clipper encoded them. A piece an update leaves alone keeps the
 * revision and index it was placed with: they say where it came from.
 */
final class StoredPiece {
  private StoredPiece() {}

  /** {@code featureIndex(4) revisionLength(2) revision content}. */
  static byte[] encode(String revision, int featureIndex, ByteBuffer content) {
    byte[] rev = revision.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(4 + 2 + rev.length + content.remaining())
        .putInt(featureIndex).putShort((short) rev.length).put(rev).put(content.duplicate());
    return out.array();
  }

  static int featureIndexOf(byte[] stored) {
    return ByteBuffer.wrap(stored).getInt();
  }

  static String revisionOf(byte[] stored) {
    int length = ByteBuffer.wrap(stored, 4, 2).getShort();
    return new String(stored, 6, length, StandardCharsets.UTF_8);
  }

  /** Where the content bytes start. */
  static int contentOffset(byte[] stored) {
    return 6 + ByteBuffer.wrap(stored, 4, 2).getShort();
  }
}
