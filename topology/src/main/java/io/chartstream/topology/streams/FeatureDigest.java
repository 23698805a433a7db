package io.chartstream.topology.streams;

import io.chartstream.schema.avro.S57Feature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A digest of everything a source feature's pieces are made from: the feature's Avro encoding
 * with its revision and index blanked (they change with every version, its content does not), and
 * the level it is clipped at. Clipping, triangulation, display points and S-52 styling read
 * nothing else of the chart, so two features with equal digests give equal pieces under the same
 * settings. One instance per stream thread.
 */
final class FeatureDigest {
  /** 128 bits of SHA-256: collisions are out of reach for a chart's few thousand features. */
  static final int LENGTH = 16;

  private final SpecificDatumWriter<S57Feature> writer = new SpecificDatumWriter<>(S57Feature.SCHEMA$);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
  private final MessageDigest sha256;

  FeatureDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  byte[] of(S57Feature feature, int level) {
    String revision = feature.getRevision();
    int index = feature.getIndex();
    ByteBuffer geometry = feature.getGeometry();
    int position = geometry == null ? 0 : geometry.position();
    buffer.reset();
    try {
      feature.setRevision("");
      feature.setIndex(0);
      writer.write(feature, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    } finally {
      feature.setRevision(revision);
      feature.setIndex(index);
      if (geometry != null) {
        geometry.position(position);
      }
    }
    sha256.reset();
    sha256.update(ByteBuffer.allocate(4).putInt(level).array());
    sha256.update(buffer.toByteArray());
    return Arrays.copyOf(sha256.digest(), LENGTH);
  }
}
