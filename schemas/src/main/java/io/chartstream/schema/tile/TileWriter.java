package io.chartstream.schema.tile;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.RclTile;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes an {@link RclTile}'s Avro binary from its header and its sections' bytes as they were
 * stored: the RCL stage assembles a tile without decoding a piece. Stateless.
 */
public final class TileWriter {
  private TileWriter() {}

  /**
   * The tile's Avro binary under {@link RclTile#SCHEMA$}.
   *
   * @param sections each a {@code TileSection}'s Avro binary, in the order of {@code charts}
   */
  public static byte[] write(long rcl, int level, int row, int col, long sequence, String contentHash,
                             List<ChartContribution> charts, List<ByteBuffer> sections) {
    int size = 64 + contentHash.length() + 32 * charts.size();
    for (ByteBuffer section : sections) {
      size += section.remaining();
    }
    AvroBytes out = new AvroBytes(size);
    out.writeLong(rcl).writeInt(level).writeInt(row).writeInt(col).writeLong(sequence).writeString(contentHash);
    out.startArray(charts.size());
    for (ChartContribution chart : charts) {
      out.writeString(chart.getChartId()).writeString(chart.getRevision()).writeInt(chart.getPieceCount());
    }
    out.endArray();
    out.startArray(sections.size());
    sections.forEach(out::writeRaw);
    out.endArray();
    return out.toByteArray();
  }
}
