package io.chartstream.schema.serde;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/**
 * Writes a datum that is already the Avro binary encoding of a value under the serializer's
 * schema, as it is: for a producer that assembles a record's bytes from bytes it stored (the RCL
 * stage builds a tile from its stored pieces) instead of decoding them into objects to encode
 * them again. The caller answers for the bytes fitting the schema.
 */
public final class EncodedDatumWriter implements DatumWriter<byte[]> {
  @Override
  public void setSchema(Schema schema) {}

  @Override
  public void write(byte[] datum, Encoder out) throws IOException {
    out.writeFixed(datum);
  }
}
