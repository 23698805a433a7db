package io.chartstream.dbv;

import io.chartstream.schema.avro.RclTile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * A tile's {@code blob}: the RclTile's plain Avro binary encoding (no wire header, no container)
 * in a zlib stream (RFC 1950: {@link Deflater} with its header, not {@code nowrap}), so that
 * Python's {@code zlib.decompress} and any zlib binding read it. Decoding is not thread-safe;
 * {@link #compress} may be called from any thread.
 */
public final class TileBlobCodec {
  private final SpecificDatumReader<RclTile> reader = new SpecificDatumReader<>(RclTile.class);
  private BinaryDecoder decoder;

  /** Avro-encodes and compresses a tile. */
  public byte[] encode(RclTile tile) {
    return compress(EncodedTile.of(tile));
  }

  /** The blob of an encoded tile: its Avro bytes compressed. Safe to call from several threads at once. */
  public byte[] compress(EncodedTile tile) {
    return deflate(tile.avro());
  }

  /** Decompresses and decodes a blob written by {@link #encode}. */
  public RclTile decode(byte[] blob) {
    decoder = DecoderFactory.get().binaryDecoder(inflate(blob), decoder);
    try {
      return reader.read(null, decoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] deflate(byte[] raw) {
    // Level 1: tiles are mostly coordinates, which no level compresses much; on the shared cells
    // level 1 gives blobs 1 % larger than the default level 6, 1.5 times as fast (docs/BENCHMARKS.md).
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
      byte[] buffer = new byte[16384];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  static byte[] inflate(byte[] compressed) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
      byte[] buffer = new byte[16384];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("truncated tile blob");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not a zlib tile blob: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
