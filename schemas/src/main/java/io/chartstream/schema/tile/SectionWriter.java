package io.chartstream.schema.tile;

import io.chartstream.schema.avro.ObjectClass;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one {@code TileSection}: a chart's pieces in one RCL with the tables they index into.
 * Pieces come as their stored parts (an attribute value, a style and the piece's body are Avro
 * bytes already, {@link PieceCodec}); each table entry is written once, at the index of its first
 * use, so the same pieces in the same order give the same bytes. Nothing is decoded.
 *
 * <p>The section's bytes up to its {@code revisions} are what it shows; the rest says which chart
 * version placed each feature. {@link Section#contentDigest} hashes the first part only, so an
 * update that leaves a feature as it was, or a clean run of the last version, gives the same
 * digest. Not thread-safe; one writer per section.
 */
public final class SectionWriter {
  private final String chartId;
  private final Map<ObjectClass, Integer> classes = new LinkedHashMap<>();
  private final Map<String, Integer> keys = new LinkedHashMap<>();
  private final Map<ByteBuffer, Integer> values = new LinkedHashMap<>();
  private final Map<ByteBuffer, Integer> styles = new LinkedHashMap<>();
  private final Map<String, Integer> revisions = new LinkedHashMap<>();
  private final AvroBytes features = new AvroBytes(4096);
  private final PieceCodec.Ints provenance = new PieceCodec.Ints(64);
  private int count;
  private long tableBytes;

  public SectionWriter(String chartId) {
    this.chartId = chartId;
  }

  /** One attribute of a feature: its acronym and its value's Avro binary under the attribute union. */
  public record Attribute(String key, ByteBuffer value) {}

  /**
   * Adds a feature's piece.
   *
   * @param style the piece's S52Style as Avro binary, or null when it has none
   * @param body  the piece's body ({@link PieceCodec#body})
   */
  public void add(String lnam, ObjectClass objectClass, int primitive, List<Attribute> attributes, ByteBuffer style,
                  ByteBuffer body, String revision, int featureIndex) {
    features.writeString(lnam);
    features.writeInt(index(classes, objectClass, 8 + objectClass.getAcronym().length()));
    features.writeInt(primitive);
    features.startArray(2L * attributes.size());
    for (Attribute attribute : attributes) {
      features.writeInt(index(keys, attribute.key(), attribute.key().length() + 1));
      features.writeInt(index(values, attribute.value(), attribute.value().remaining()));
    }
    features.endArray();
    features.writeInt(style == null ? -1 : index(styles, style, style.remaining()));
    features.writeRaw(body);
    provenance.add(index(revisions, revision, revision.length() + 1));
    provenance.add(featureIndex);
    count++;
  }

  /** Features added so far. */
  public int features() {
    return count;
  }

  /** About how many bytes {@link #finish} will write: what decides when a section is cut into parts. */
  public long size() {
    return features.size() + tableBytes + 5L * count;
  }

  private <K> int index(Map<K, Integer> table, K key, int bytes) {
    Integer at = table.get(key);
    if (at == null) {
      at = table.size();
      table.put(key, at);
      tableBytes += bytes;
    }
    return at;
  }

  /** The section, its bytes and what they show. */
  public Section finish() {
    AvroBytes out = new AvroBytes(features.size() + (int) tableBytes + 64 + 5 * count);
    out.writeString(chartId);
    out.startArray(classes.size());
    classes.keySet().forEach(c -> out.writeString(c.getAcronym()).writeInt(c.getCode()));
    out.endArray();
    out.startArray(keys.size());
    keys.keySet().forEach(out::writeString);
    out.endArray();
    out.startArray(values.size());
    values.keySet().forEach(out::writeRaw);
    out.endArray();
    out.startArray(styles.size());
    styles.keySet().forEach(out::writeRaw);
    out.endArray();
    out.startArray(count);
    out.writeRaw(features.array(), 0, features.size());
    out.endArray();
    int contentLength = out.size();
    out.startArray(revisions.size());
    revisions.keySet().forEach(out::writeString);
    out.endArray();
    out.startArray(provenance.size);
    for (int i = 0; i < provenance.size; i++) {
      out.writeInt(provenance.values[i]);
    }
    out.endArray();
    byte[] bytes = out.toByteArray();
    return new Section(bytes, count, sha256(bytes, contentLength));
  }

  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * A written section.
   *
   * @param bytes         the {@code TileSection}'s Avro binary
   * @param features      the features (one piece each) in it
   * @param contentDigest SHA-256 of its bytes before {@code revisions}
   */
  public record Section(byte[] bytes, int features, byte[] contentDigest) {}
}
