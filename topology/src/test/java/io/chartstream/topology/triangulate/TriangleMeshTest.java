package io.chartstream.topology.triangulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chartstream.schema.avro.Triangles;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** {@link TriangleMesh}: areas, joining meshes, the Avro view. */
class TriangleMeshTest {
  private final TriangleMesh square = new TriangleMesh(new double[] {0, 0, 2, 0, 2, 2, 0, 2}, new int[] {0, 1, 2, 0, 2, 3});

  @Test
  void areas() {
    assertEquals(4, square.area(), 0.0);
    assertEquals(4, square.doubleSignedArea(0), 0.0, "twice the area of the first triangle");
    assertEquals(2, square.triangleCount());
    assertEquals(4, square.vertexCount());
  }

  @Test
  void concatShiftsIndices() {
    TriangleMesh triangle = new TriangleMesh(new double[] {5, 5, 6, 5, 5, 6}, new int[] {0, 1, 2});
    TriangleMesh both = TriangleMesh.concat(List.of(square, triangle));
    assertEquals(7, both.vertexCount());
    assertEquals(4, both.vertex(2, 0));
    assertEquals(4.5, both.area(), 0.0);
    assertEquals(square, TriangleMesh.concat(List.of(square)));
  }

  @Test
  void avroRecordViewsTheArrays() {
    Triangles t = square.toAvro();
    assertEquals(List.of(0.0, 0.0, 2.0, 0.0, 2.0, 2.0, 0.0, 2.0), t.getVertices());
    assertEquals(List.of(0, 1, 2, 0, 2, 3), t.getIndices());
    assertThrows(UnsupportedOperationException.class, () -> t.getIndices().add(1), "read-only");
  }

  @Test
  void avroRecordViewsSerialize() throws Exception {
    Triangles t = square.toAvro();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new SpecificDatumWriter<>(Triangles.class).write(t, encoder);
    encoder.flush();
    Triangles back = new SpecificDatumReader<>(Triangles.class).read(null,
        DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    assertEquals(t.getVertices(), back.getVertices());
    assertEquals(t.getIndices(), back.getIndices());
  }

  @Test
  void arraysMustHoldWholeVerticesAndTriangles() {
    assertThrows(IllegalArgumentException.class, () -> new TriangleMesh(new double[3], new int[0]));
    assertThrows(IllegalArgumentException.class, () -> new TriangleMesh(new double[4], new int[2]));
  }
}
