package io.chartstream.schema.serde;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format of a Kafka key or value: magic byte {@code 0}, the writer schema's
 * registry id as a 4-byte big-endian int, then the datum in Avro binary encoding (no schema, no
 * container). This is what Confluent's serializers write and read, so any Confluent-compatible
 * consumer decodes chartstream's topics, and chartstream decodes theirs.
 *
 * <p>Decoding is strict where a mistake would otherwise pass silently: a wrong magic byte, a
 * payload shorter than the header, Avro data that ends early or leaves bytes unread (the sign of
 * a datum written with another schema than the one its id names) all fail with a
 * {@link SerializationException} saying which.
 *
 * @see AvroWireSerializer
 * @see AvroWireDeserializer
 */
public final class AvroWireFormat {
  public static final byte MAGIC_BYTE = 0;
  /** Magic byte and schema id. */
  public static final int HEADER_SIZE = 5;

  private AvroWireFormat() {}

  /**
   * Encodes {@code datum}, a generated Avro class, a generic datum or a plain Java value that fits
   * {@code writer}, under schema id {@code schemaId}. Builds a datum writer per call; a caller
   * encoding many datums keeps one and calls {@link #encode(int, DatumWriter, Object)}.
   */
  public static byte[] encode(int schemaId, Schema writer, Object datum) {
    return encode(schemaId, new SpecificDatumWriter<>(writer), datum);
  }

  /** Encodes {@code datum} with {@code writer} under schema id {@code schemaId}. */
  public static <T> byte[] encode(int schemaId, DatumWriter<T> writer, T datum) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
    try {
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      writer.write(datum, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      // Avro reports a datum that does not fit its schema with assorted runtime exceptions.
      throw new SerializationException("Cannot encode " + describe(datum) + " with schema id " + schemaId
          + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * The schema id in the header of {@code payload}.
   *
   * @throws SerializationException if the payload is too short or does not start with magic byte 0
   */
  public static int schemaId(byte[] payload) {
    if (payload == null) {
      throw new SerializationException("No payload: a null key or value has no schema id");
    }
    if (payload.length < HEADER_SIZE) {
      throw new SerializationException("Payload of " + payload.length + " bytes (" + hex(payload)
          + ") is too short for the Confluent wire format, which starts with a " + HEADER_SIZE
          + "-byte header (magic byte 0, 4-byte schema id)");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new SerializationException(String.format(
          "Unknown magic byte 0x%02x (payload starts %s): not the Confluent wire format, which starts with magic byte 0",
          payload[0], hex(payload)));
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  /**
   * Decodes the Avro datum after the header of {@code payload} with {@code reader}, built for the
   * writer schema that {@link #schemaId(byte[])} names.
   *
   * @throws SerializationException if the header is wrong, or the Avro data is truncated or longer than the datum
   */
  public static <T> T decode(byte[] payload, DatumReader<T> reader) {
    int id = schemaId(payload);
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, HEADER_SIZE, payload.length - HEADER_SIZE, null);
    T datum;
    try {
      datum = reader.read(null, decoder);
    } catch (EOFException e) {
      throw new SerializationException("Avro data of schema id " + id + " ends early (" + (payload.length - HEADER_SIZE)
          + " bytes after the header): truncated, or written with another schema", e);
    } catch (IOException | RuntimeException e) {
      // Bytes that do not fit the schema surface as whatever Avro was reading when it went wrong.
      throw new SerializationException("Cannot decode the Avro data of schema id " + id + ": " + e, e);
    }
    int left = remaining(decoder);
    if (left > 0) {
      throw new SerializationException(left + " bytes left after the Avro datum of schema id " + id
          + ": the data was not written with that schema");
    }
    return datum;
  }

  private static int remaining(BinaryDecoder decoder) {
    try {
      return decoder.inputStream().available();
    } catch (IOException e) {
      throw new SerializationException("Cannot tell whether the Avro data was read whole", e);
    }
  }

  private static String describe(Object datum) {
    return datum == null ? "null" : "a " + datum.getClass().getName();
  }

  /** The first bytes in hex, enough to recognise what was sent instead (JSON, a string, …). */
  private static String hex(byte[] payload) {
    int shown = Math.min(payload.length, 16);
    return "0x" + HexFormat.of().formatHex(payload, 0, shown) + (payload.length > shown ? "…" : "");
  }
}
