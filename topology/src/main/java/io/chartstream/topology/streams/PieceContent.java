package io.chartstream.topology.streams;

import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.internal.EncodedPiece;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * What a tile piece shows, as bytes: the Avro binary of its {@link TileFeature} with the revision
 * blanked to {@code ""} and the feature index to 0. The clipper encodes each piece once; the RCL
 * stage stores these bytes as they are ({@link StoredPiece}), hashes them for the tile's content
 * hash (so an update that only shifts feature indices changes no hash) and writes them into the
 * tile's Avro as they are, putting the revision and feature index back: a piece is encoded once
 * and never decoded on its way to {@code rcl.tiles}. One instance per stream thread.
 *
 * <p>The bytes follow the in-memory order of the piece's maps (attributes, colours) as the
 * clipper built them, the same for the same source feature and settings.
 */
final class PieceContent {
  private final SpecificDatumWriter<TileFeature> writer = new SpecificDatumWriter<>(TileFeature.SCHEMA$);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);

  /**
   * The piece for the repartition topic, filed under occurrence {@code occurrence} of its LNAM;
   * {@code piece} is changed (revision and index blanked).
   */
  EncodedPiece encode(TileFeature.Builder piece, int occurrence) {
    String revision = piece.getRevision();
    int featureIndex = piece.getFeatureIndex();
    byte[] content = content(piece.setRevision("").setFeatureIndex(0).build());
    return new EncodedPiece(piece.getChartId(), revision, featureIndex, piece.getLnam(), occurrence, piece.getPiece(),
        ByteBuffer.wrap(content));
  }

  private byte[] content(TileFeature blanked) {
    buffer.reset();
    try {
      writer.write(blanked, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return buffer.toByteArray();
  }
}
