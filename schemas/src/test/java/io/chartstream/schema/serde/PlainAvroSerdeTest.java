package io.chartstream.schema.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.chartstream.schema.avro.ChartVersion;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The serde of the topology's stores and repartition topics: plain Avro binary, one reader and writer per thread. */
class PlainAvroSerdeTest {
  private final PlainAvroSerde<ChartVersion> serde = new PlainAvroSerde<>(ChartVersion.SCHEMA$);

  @Test
  void writesAvroBinaryAsAvroItselfDoesAndReadsItBack() throws Exception {
    ChartVersion version = new ChartVersion(3, 12, "20260101", "20251231");
    byte[] bytes = serde.serializer().serialize("t", version);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
    new SpecificDatumWriter<ChartVersion>(ChartVersion.SCHEMA$).write(version, encoder);
    encoder.flush();
    assertArrayEquals(expected.toByteArray(), bytes);
    assertEquals(version, serde.deserializer().deserialize("t", bytes));
    assertNull(serde.serializer().serialize("t", null));
    assertNull(serde.deserializer().deserialize("t", null));
  }

  @Test
  void aReusedBufferLeavesNothingOfALongerRecordInTheNextOne() {
    byte[] longer = serde.serializer().serialize("t", new ChartVersion(1, 0, "x".repeat(5000), "y".repeat(5000)));
    ChartVersion small = new ChartVersion(2, 1, "", "");
    byte[] bytes = serde.serializer().serialize("t", small);
    assertEquals(4, bytes.length, "two one-byte ints, two empty strings");
    assertEquals(small, serde.deserializer().deserialize("t", bytes));
    assertEquals("x".repeat(5000), serde.deserializer().deserialize("t", longer).getUpdateApplicationDate());
  }

  @Test
  void eachThreadGetsItsOwnSerializerAndTheyDoNotMixRecords() throws Exception {
    assertSame(serde.serializer(), serde.serializer(), "built once per thread, as Kafka Streams asks for it on every read");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        Callable<Boolean> task = () -> {
          for (int i = 0; i < 2000; i++) {
            ChartVersion v = new ChartVersion(thread, i, "d" + "z".repeat(i % 50), String.valueOf(thread * i));
            if (!v.equals(serde.deserializer().deserialize("t", serde.serializer().serialize("t", v)))) {
              return false;
            }
          }
          return true;
        };
        results.add(pool.submit(task));
      }
      for (Future<Boolean> result : results) {
        assertEquals(true, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
