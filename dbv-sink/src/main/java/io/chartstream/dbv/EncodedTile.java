package io.chartstream.dbv;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.tile.TileFeatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A tile as the writer stores it: the columns of its row, and its plain Avro binary, which
 * compressed is the row's blob. The sink reads the columns from the head of the Avro bytes
 * ({@link #read}) and compresses the bytes as they came from Kafka, so a tile's sections, most of
 * its bytes, are never decoded or encoded again on the way into the file.
 *
 * @param featureCount pieces in the tile
 * @param avro         the {@link RclTile}'s Avro binary encoding under {@link RclTile#SCHEMA$}
 */
public record EncodedTile(long rcl, int level, int row, int col, long sequence, String contentHash,
                          List<ChartContribution> charts, int featureCount, byte[] avro) {
  private static final SpecificDatumWriter<RclTile> WRITER = new SpecificDatumWriter<>(RclTile.class);

  public EncodedTile {
    charts = List.copyOf(charts);
  }

  /** Encodes a tile object. */
  public static EncodedTile of(RclTile tile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      WRITER.write(tile, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EncodedTile(tile.getRcl(), tile.getLevel(), tile.getRow(), tile.getCol(), tile.getSequence(),
        tile.getContentHash(), tile.getCharts(), TileFeatures.count(tile), out.toByteArray());
  }

  /**
   * The tile whose Avro binary under {@link RclTile#SCHEMA$} is {@code avro[offset..]}, its columns
   * read from the fields before {@code sections} (its feature count is the sum of the charts'
   * piece counts); empty when those fields cannot be read (the caller then decodes the whole tile).
   */
  public static Optional<EncodedTile> read(byte[] avro, int offset) {
    BinaryDecoder in = DecoderFactory.get().binaryDecoder(avro, offset, avro.length - offset, null);
    try {
      long rcl = in.readLong();
      int level = in.readInt();
      int row = in.readInt();
      int col = in.readInt();
      long sequence = in.readLong();
      String contentHash = in.readString();
      List<ChartContribution> charts = new ArrayList<>();
      long pieces = 0;
      for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
        for (long i = 0; i < block; i++) {
          ChartContribution chart = new ChartContribution(in.readString(), in.readString(), in.readInt());
          pieces += chart.getPieceCount();
          charts.add(chart);
        }
      }
      in.readArrayStart(); // the sections follow
      byte[] bytes = offset == 0 ? avro : Arrays.copyOfRange(avro, offset, avro.length);
      return Optional.of(new EncodedTile(rcl, level, row, col, sequence, contentHash, charts, (int) pieces, bytes));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
