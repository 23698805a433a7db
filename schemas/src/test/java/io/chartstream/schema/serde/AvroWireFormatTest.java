package io.chartstream.schema.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.S57Feature;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroWireFormatTest {
  private static final Schema STRING = Schema.create(Schema.Type.STRING);

  @Test
  void writesMagicByteBigEndianIdThenAvroBinary() {
    byte[] payload = AvroWireFormat.encode(0x01020304, STRING, "é");
    // Avro string: zig-zag varint length (2 bytes -> 4), then UTF-8.
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 4, (byte) 0xc3, (byte) 0xa9}, payload);
    assertEquals(0x01020304, AvroWireFormat.schemaId(payload));
  }

  @Test
  void readsBackWhatItWrites() {
    byte[] payload = AvroWireFormat.encode(7, S57Feature.SCHEMA$, Samples.feature());
    S57Feature read = AvroWireFormat.decode(payload, new SpecificDatumReader<>(S57Feature.SCHEMA$));
    assertEquals(Samples.feature(), read);
  }

  @Test
  void refusesAWrongMagicByte() {
    byte[] payload = AvroWireFormat.encode(7, STRING, "x");
    payload[0] = 1;
    SerializationException e = assertThrows(SerializationException.class, () -> AvroWireFormat.schemaId(payload));
    assertTrue(e.getMessage().contains("Unknown magic byte 0x01"), e.getMessage());
    assertTrue(e.getMessage().contains("0x0100000007"), "shows the first bytes: " + e.getMessage());
  }

  @Test
  void refusesAPayloadShorterThanTheHeader() {
    SerializationException e = assertThrows(SerializationException.class,
        () -> AvroWireFormat.schemaId(new byte[] {0, 0, 1}));
    assertTrue(e.getMessage().contains("Payload of 3 bytes (0x000001) is too short"), e.getMessage());
    assertThrows(SerializationException.class, () -> AvroWireFormat.schemaId(new byte[0]));
    assertThrows(SerializationException.class, () -> AvroWireFormat.schemaId(null));
  }

  @Test
  void refusesTruncatedAvroData() {
    byte[] whole = AvroWireFormat.encode(7, S57Feature.SCHEMA$, Samples.feature());
    byte[] truncated = Arrays.copyOf(whole, whole.length - 3);
    SerializationException e = assertThrows(SerializationException.class,
        () -> AvroWireFormat.decode(truncated, new SpecificDatumReader<>(S57Feature.SCHEMA$)));
    assertTrue(e.getMessage().contains("schema id 7"), e.getMessage());
  }

  @Test
  void refusesBytesLeftAfterTheDatum() {
    byte[] whole = AvroWireFormat.encode(7, STRING, "x");
    byte[] longer = Arrays.copyOf(whole, whole.length + 2);
    SerializationException e = assertThrows(SerializationException.class,
        () -> AvroWireFormat.decode(longer, new SpecificDatumReader<>(STRING)));
    assertTrue(e.getMessage().contains("2 bytes left after the Avro datum of schema id 7"), e.getMessage());
  }

  @Test
  void refusesADatumThatDoesNotFitTheSchema() {
    SerializationException e = assertThrows(SerializationException.class,
        () -> AvroWireFormat.encode(7, S57Feature.SCHEMA$, "not a feature"));
    assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
  }
}
