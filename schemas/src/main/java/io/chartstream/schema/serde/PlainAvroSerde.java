package io.chartstream.schema.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro binary without a registry, for what only chartstream reads: the topology's repartition
 * topics and state stores (and their changelogs). One schema on both sides, so no header; a
 * schema change there is a change of the application, replayed from the source topics.
 */
public final class PlainAvroSerde<T> implements Serde<T> {
  private final Schema schema;

  public PlainAvroSerde(Schema schema) {
    this.schema = schema;
  }

  @Override
  public Serializer<T> serializer() {
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema);
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      try {
        writer.write(data, encoder);
        encoder.flush();
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("Cannot encode " + schema.getName() + " for " + topic + ": " + e.getMessage(), e);
      }
      return out.toByteArray();
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema);
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, null);
        return reader.read(null, decoder);
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("Cannot decode " + schema.getName() + " from " + topic + ": " + e.getMessage(), e);
      }
    };
  }
}
