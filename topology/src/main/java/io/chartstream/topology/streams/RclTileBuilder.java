package io.chartstream.topology.streams;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.topology.rcl.RclKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Assembles one {@link RclTile} from its contributing chart versions and pieces, given in store
 * key order (chart, LNAM, occurrence, piece), and hashes its content: SHA-256 over each
 * contributing chart with its piece count, then each piece's Avro encoding with its revision and
 * feature index blanked ({@link PieceContent}). What a tile shows, not which version placed it,
 * decides its hash: an update re-emits only the RCLs whose content it changes, the hash equals
 * that of a clean run with the update from the start, and a duplicate redelivery re-emits nothing.
 */
final class RclTileBuilder {
  private final RclKey rcl;
  private final PieceContent codec;
  private final List<ChartContribution> charts = new ArrayList<>();
  private final List<TileFeature> features = new ArrayList<>();
  private final MessageDigest featureHash = sha256();

  RclTileBuilder(long rcl, PieceContent codec) {
    this.rcl = RclKey.decode(rcl);
    this.codec = codec;
  }

  /** Adds a piece given as its {@link StoredPiece} bytes. */
  void add(byte[] stored) {
    int offset = StoredPiece.contentOffset(stored);
    TileFeature piece = codec.decode(stored, offset);
    featureHash.update(stored, offset, stored.length - offset); // the content: revision and index are not in it
    piece.setRevision(StoredPiece.revisionOf(stored));
    piece.setFeatureIndex(StoredPiece.featureIndexOf(stored));
    features.add(piece);
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

  RclTile build(long sequence) {
    return RclTile.newBuilder()
        .setRcl(rcl.encoded())
        .setLevel(rcl.level())
        .setRow(rcl.row())
        .setCol(rcl.col())
        .setSequence(sequence)
        .setContentHash(contentHash())
        .setCharts(charts)
        .setFeatures(features)
        .build();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
