package io.chartstream.topology.streams;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.Encoder;

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

  /**
   * Writes the piece as its {@code TileFeature}'s Avro binary: the content as stored, with the
   * revision and feature index put back in place of the blanks ({@code ""} and 0: one zero byte
   * each, right after {@code chartId}, the record's first field).
   */
  static void writeTileFeature(byte[] stored, Encoder out) throws IOException {
    int content = contentOffset(stored);
    int position = content;
    long zigzag = 0;
    int shift = 0;
    byte b;
    do {
      b = stored[position++];
      zigzag |= (long) (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    int chartIdEnd = position + (int) ((zigzag >>> 1) ^ -(zigzag & 1));
    if (stored[chartIdEnd] != 0 || stored[chartIdEnd + 1] != 0) {
      throw new IllegalStateException("a stored piece whose revision and feature index are not blank");
    }
    out.writeFixed(stored, content, chartIdEnd - content);
    out.writeString(revisionOf(stored));
    out.writeInt(featureIndexOf(stored));
    out.writeFixed(stored, chartIdEnd + 2, stored.length - chartIdEnd - 2);
  }

  /** Where the content bytes start. */
  static int contentOffset(byte[] stored) {
    return 6 + ByteBuffer.wrap(stored, 4, 2).getShort();
  }
}
