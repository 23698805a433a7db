package io.chartstream.topology.streams;

import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.internal.EncodedPiece;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * What a tile piece shows, as bytes: the Avro binary of its {@link TileFeature} with the revision
 * blanked to {@code ""} and the feature index to 0. The clipper encodes each piece once; the RCL
 * stage stores these bytes as they are, hashes them for the tile's content hash (so an update
 * that only shifts feature indices changes no hash) and decodes them once per emission, putting
 * the revision and feature index back from the store key. One instance per stream thread.
 */
final class PieceContent {
  private final SpecificDatumWriter<TileFeature> writer = new SpecificDatumWriter<>(TileFeature.SCHEMA$);
  private final SpecificDatumReader<TileFeature> reader = new SpecificDatumReader<>(TileFeature.SCHEMA$);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
  private BinaryDecoder decoder;

  /** The piece for the repartition topic; {@code piece} is changed (revision and index blanked). */
  EncodedPiece encode(TileFeature.Builder piece) {
    String revision = piece.getRevision();
    int featureIndex = piece.getFeatureIndex();
    byte[] content = content(piece.setRevision("").setFeatureIndex(0).build());
    return new EncodedPiece(piece.getChartId(), revision, featureIndex, piece.getPiece(), ByteBuffer.wrap(content));
  }

  /** The content bytes of a piece (its revision and index ignored). */
  byte[] content(TileFeature piece) {
    TileFeature blanked = piece.getRevision().isEmpty() && piece.getFeatureIndex() == 0
        ? piece : TileFeature.newBuilder(piece).setRevision("").setFeatureIndex(0).build();
    buffer.reset();
    try {
      writer.write(blanked, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return buffer.toByteArray();
  }

  /** The piece whose content is {@code content}, as version {@code revision} placed it as feature {@code featureIndex}. */
  TileFeature decode(byte[] content, String revision, int featureIndex) {
    decoder = DecoderFactory.get().binaryDecoder(content, decoder);
    try {
      TileFeature piece = reader.read(null, decoder);
      piece.setRevision(revision);
      piece.setFeatureIndex(featureIndex);
      return piece;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("a stored piece cannot be decoded (" + revision + "#" + featureIndex + "): " + e.getMessage(), e);
    }
  }

  /** The bytes of an encoded piece, without copying when they fill their buffer. */
  static byte[] bytesOf(ByteBuffer content) {
    if (content.hasArray() && content.arrayOffset() == 0 && content.position() == 0 && content.remaining() == content.array().length) {
      return content.array();
    }
    byte[] bytes = new byte[content.remaining()];
    content.duplicate().get(bytes);
    return bytes;
  }
}
