package io.chartstream.schema.tile;

import io.chartstream.schema.avro.TileSection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Attribute values as the section's table holds them: each value's Avro binary under the
 * attribute union ({@code null, long, double, string, IntList, RealList, StringList}), so equal
 * values are equal bytes and a section interns them without knowing their type. Not thread-safe.
 */
public final class AttributeValues {
  /** The union of {@code TileSection.attributeValues}, also that of {@code S57Feature.attributes}. */
  public static final Schema UNION = TileSection.SCHEMA$.getField("attributeValues").schema().getElementType();

  private final SpecificDatumWriter<Object> writer = new SpecificDatumWriter<>(UNION);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
  private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);

  /** One value's bytes. */
  public ByteBuffer encode(Object value) {
    buffer.reset();
    try {
      writer.write(value, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return ByteBuffer.wrap(buffer.toByteArray());
  }

  /**
   * A feature's attributes as the section writer takes them, by acronym: a map's order says
   * nothing (Avro reads maps into hash maps), so equal attributes give equal bytes.
   */
  public List<SectionWriter.Attribute> encode(Map<String, Object> attributes) {
    List<SectionWriter.Attribute> out = new ArrayList<>(attributes.size());
    new TreeMap<>(attributes).forEach((key, value) -> out.add(new SectionWriter.Attribute(key, encode(value))));
    return out;
  }
}
