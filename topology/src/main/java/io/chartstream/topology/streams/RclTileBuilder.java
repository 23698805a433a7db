package io.chartstream.topology.streams;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.internal.SectionPart;
import io.chartstream.schema.tile.TileWriter;
import io.chartstream.topology.rcl.RclKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Assembles one {@code RclTile} from its contributing chart versions and their sections' parts,
 * given chart by chart in part order, and hashes its content: SHA-256 over each contributing chart
 * with its piece count, then each part's content digest (its section's bytes before the
 * revisions: what it shows, not which version placed it). So an update re-emits only the RCLs
 * whose content it changes, the hash equals that of a clean run with the update from the start,
 * and a duplicate redelivery re-emits nothing. Sections go into the tile as they were stored.
 */
final class RclTileBuilder {
  private final RclKey rcl;
  private final List<ChartContribution> charts = new ArrayList<>();
  private final List<ByteBuffer> sections = new ArrayList<>();
  private final MessageDigest parts = sha256();

  RclTileBuilder(long rcl) {
    this.rcl = RclKey.decode(rcl);
  }

  /** Adds a part of a contributing chart's section. */
  void add(SectionPart part) {
    parts.update(part.getContentDigest().duplicate());
    sections.add(part.getSection());
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
      hash.update(((MessageDigest) parts.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests are cloneable", e);
    }
    return HexFormat.of().formatHex(hash.digest());
  }

  /** The tile's Avro binary under {@code RclTile.SCHEMA$}, its sections copied as they are. */
  byte[] encode(long sequence) {
    return TileWriter.write(rcl.encoded(), rcl.level(), rcl.row(), rcl.col(), sequence, contentHash(), charts, sections);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
