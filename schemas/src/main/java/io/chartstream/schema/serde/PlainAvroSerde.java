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
 *
 * <p>Kafka Streams asks a store's serde for its deserializer on every read
 * ({@code StateSerdes.valueFrom}), and building an Avro reader resolves the schema: so each
 * thread gets one serializer and one deserializer, built once (Avro readers and writers are not
 * documented thread-safe, and one serde serves the stores of every stream thread).
 */
public final class PlainAvroSerde<T> implements Serde<T> {
  private final Schema schema;
  private final ThreadLocal<Serializer<T>> serializers = ThreadLocal.withInitial(this::newSerializer);
  private final ThreadLocal<Deserializer<T>> deserializers = ThreadLocal.withInitial(this::newDeserializer);

  public PlainAvroSerde(Schema schema) {
    this.schema = schema;
  }

  @Override
  public Serializer<T> serializer() {
    return serializers.get();
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializers.get();
  }

  private Serializer<T> newSerializer() {
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024); // this thread's, reused: grows once to the largest record
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      out.reset();
      try {
        writer.write(data, encoder);
        encoder.flush();
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("Cannot encode " + schema.getName() + " for " + topic + ": " + e.getMessage(), e);
      }
      return out.toByteArray();
    };
  }

  private Deserializer<T> newDeserializer() {
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
