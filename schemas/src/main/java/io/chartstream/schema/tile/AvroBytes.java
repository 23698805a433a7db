package io.chartstream.schema.tile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array written in Avro's binary encoding (the Avro 1.12 specification,
 * "Binary Encoding"): {@code int} and {@code long} as zig-zag varints, {@code double} as eight
 * little-endian bytes, strings and bytes with their length first, arrays as one block (item
 * count, items, 0), a union as its branch index then the value. The tile codec writes records
 * field by field with it, so that stored pieces are copied into sections and tiles as bytes.
 * Not thread-safe.
 */
final class AvroBytes {
  private byte[] bytes;
  private int size;

  AvroBytes(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The bytes written, as a view (valid until the next write). */
  byte[] array() {
    return bytes;
  }

  AvroBytes writeInt(int value) {
    return writeLong(value);
  }

  AvroBytes writeLong(long value) {
    ensure(10);
    long z = (value << 1) ^ (value >> 63);
    while ((z & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    bytes[size++] = (byte) z;
    return this;
  }

  AvroBytes writeBoolean(boolean value) {
    ensure(1);
    bytes[size++] = (byte) (value ? 1 : 0);
    return this;
  }

  AvroBytes writeDouble(double value) {
    ensure(8);
    long bits = Double.doubleToRawLongBits(value);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (bits >>> (8 * i));
    }
    return this;
  }

  AvroBytes writeString(String value) {
    return writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  AvroBytes writeBytes(byte[] value) {
    writeLong(value.length);
    return writeRaw(value, 0, value.length);
  }

  AvroBytes writeBytes(ByteBuffer value) {
    ByteBuffer v = value.duplicate();
    writeLong(v.remaining());
    ensure(v.remaining());
    int n = v.remaining();
    v.get(bytes, size, n);
    size += n;
    return this;
  }

  /** Bytes that are already Avro binary (a stored piece, a section), as they are. */
  AvroBytes writeRaw(byte[] value, int offset, int length) {
    ensure(length);
    System.arraycopy(value, offset, bytes, size, length);
    size += length;
    return this;
  }

  AvroBytes writeRaw(byte[] value) {
    return writeRaw(value, 0, value.length);
  }

  AvroBytes writeRaw(ByteBuffer value) {
    ByteBuffer v = value.duplicate();
    int n = v.remaining();
    ensure(n);
    v.get(bytes, size, n);
    size += n;
    return this;
  }

  /** An array of {@code count} items in one block; the caller writes the items, then {@link #endArray}. */
  AvroBytes startArray(long count) {
    if (count > 0) {
      writeLong(count);
    }
    return this;
  }

  AvroBytes endArray() {
    return writeLong(0);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }
}
