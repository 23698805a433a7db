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
 *
 * <p>The bytes follow the in-memory order of the piece's maps (attributes, colours) as the
 * clipper built them, the same for the same source feature and settings; the hash of a piece
 * therefore differs from the one chartstream computed before it kept these bytes (it re-encoded
 * decoded pieces), so a work dir from then re-emits each tile once, with unchanged content.
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

  /**
   * {@code stored} if it is content bytes, else (a whole piece stored by an earlier chartstream,
   * revision and index included) its content bytes.
   */
  byte[] contentOf(byte[] stored, TileFeature decoded) {
    return decoded.getRevision().isEmpty() && decoded.getFeatureIndex() == 0 ? stored : content(decoded);
  }

  /** A stored piece; its revision and feature index are blank unless an earlier chartstream stored it. */
  TileFeature decode(byte[] stored) {
    decoder = DecoderFactory.get().binaryDecoder(stored, decoder);
    try {
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("a stored piece cannot be decoded: " + e.getMessage(), e);
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
