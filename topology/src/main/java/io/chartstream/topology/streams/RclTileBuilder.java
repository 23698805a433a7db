package io.chartstream.topology.streams;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.topology.rcl.RclKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Assembles one {@code RclTile} from its contributing chart versions and pieces, given in store
 * key order (chart, LNAM, occurrence, piece), and hashes its content: SHA-256 over each
 * contributing chart with its piece count, then each piece's Avro encoding with its revision and
 * feature index blanked ({@link PieceContent}). What a tile shows, not which version placed it,
 * decides its hash: an update re-emits only the RCLs whose content it changes, the hash equals
 * that of a clean run with the update from the start, and a duplicate redelivery re-emits nothing.
 */
final class RclTileBuilder {
  private final RclKey rcl;
  private final List<ChartContribution> charts = new ArrayList<>();
  private final List<byte[]> pieces = new ArrayList<>();
  private final MessageDigest featureHash = sha256();
  private int pieceBytes;

  RclTileBuilder(long rcl) {
    this.rcl = RclKey.decode(rcl);
  }

  /** Adds a piece given as its {@link StoredPiece} bytes. */
  void add(byte[] stored) {
    int offset = StoredPiece.contentOffset(stored);
    featureHash.update(stored, offset, stored.length - offset); // the content: revision and index are not in it
    pieces.add(stored);
    pieceBytes += stored.length;
  }

  void contribute(String chartId, String revision, int pieceCount) {
    charts.add(new ChartContribution(chartId, revision, pieceCount));
  }

  String contentHash() {
    MessageDigest hash = sha256();
    for (ChartContribution chart : charts) {
      hash.update((chart.getChartId() + "#" + chart.getPieceCount() + ";").getBytes(StandardCharsets.UTF_8));
    }
    try {
      hash.update(((MessageDigest) featureHash.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests are cloneable", e);
    }
    return HexFormat.of().formatHex(hash.digest());
  }

  /**
   * The tile's Avro binary under {@code RclTile.SCHEMA$}, its fields in schema order, each piece
   * written from its stored bytes ({@link StoredPiece#writeTileFeature}): a tile's pieces are
   * never decoded into objects to be encoded again.
   */
  byte[] encode(long sequence) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(pieceBytes + 256);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      encoder.writeLong(rcl.encoded());
      encoder.writeInt(rcl.level());
      encoder.writeInt(rcl.row());
      encoder.writeInt(rcl.col());
      encoder.writeLong(sequence);
      encoder.writeString(contentHash());
      encoder.writeArrayStart();
      encoder.setItemCount(charts.size());
      for (ChartContribution chart : charts) {
        encoder.startItem();
        encoder.writeString(chart.getChartId());
        encoder.writeString(chart.getRevision());
        encoder.writeInt(chart.getPieceCount());
      }
      encoder.writeArrayEnd();
      encoder.writeArrayStart();
      encoder.setItemCount(pieces.size());
      for (byte[] piece : pieces) {
        encoder.startItem();
        StoredPiece.writeTileFeature(piece, encoder);
      }
      encoder.writeArrayEnd();
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
