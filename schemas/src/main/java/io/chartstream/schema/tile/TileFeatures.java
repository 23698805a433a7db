package io.chartstream.schema.tile;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.ObjectClass;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.SectionFeature;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.TileSection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A tile's pieces one by one, as {@link TileFeature}s: what a reader of {@code rcl.tiles} or of a
 * dbv draws, counts and compares. Each section's tables are resolved, vertices turned back into
 * CRS units (geometry as WKB, triangles relative to the tile's south-west corner, the display
 * point absolute), and each piece gets the revision and feature index that placed it. The
 * reverse, {@link #section}, writes views as a section, for tests and tools.
 *
 * <p>Stateless; a decode allocates what it returns.
 */
public final class TileFeatures {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private TileFeatures() {}

  /** The pieces of a tile on World Mercator's grid. */
  public static List<TileFeature> of(RclTile tile) {
    return of(tile, TileGrid.worldMercator());
  }

  /** The pieces of a tile on {@code grid}, section by section, in order. */
  public static List<TileFeature> of(RclTile tile, TileGrid grid) {
    TileFrame frame = grid.frame(tile.getLevel(), tile.getRow(), tile.getCol());
    List<TileFeature> out = new ArrayList<>(count(tile));
    WKBWriter flat = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
    WKBWriter withDepth = new WKBWriter(3, ByteOrderValues.LITTLE_ENDIAN);
    for (TileSection section : tile.getSections()) {
      List<SectionFeature> features = section.getFeatures();
      List<Integer> provenance = section.getProvenance();
      for (int i = 0; i < features.size(); i++) {
        SectionFeature f = features.get(i);
        ObjectClass objectClass = section.getObjectClasses().get(f.getObjectClass());
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<Integer> pairs = f.getAttributes();
        for (int a = 0; a + 1 < pairs.size(); a += 2) {
          attributes.put(section.getAttributeKeys().get(pairs.get(a)), section.getAttributeValues().get(pairs.get(a + 1)));
        }
        Geometry geometry = PieceCodec.geometry(f.getGeometry(), frame, FACTORY);
        byte[] wkb = (f.getGeometry().getDepths().isEmpty() ? flat : withDepth).write(geometry);
        out.add(TileFeature.newBuilder()
            .setChartId(section.getChartId())
            .setRevision(section.getRevisions().get(provenance.get(2 * i)))
            .setFeatureIndex(provenance.get(2 * i + 1))
            .setLnam(f.getLnam())
            .setObjectClass(objectClass.getAcronym())
            .setObjectClassCode(objectClass.getCode())
            .setPrimitive(f.getPrimitive())
            .setAttributes(attributes)
            .setGeometry(ByteBuffer.wrap(wkb))
            .setTriangles(f.getTriangles() == null ? null : PieceCodec.triangles(f.getTriangles(), f.getGeometry(), frame))
            .setDisplayPoint(f.getDisplayPoint() == null ? null : PieceCodec.displayPoint(f.getDisplayPoint(), frame))
            .setStyle(f.getStyle() < 0 ? null : section.getStyles().get(f.getStyle()))
            .build());
      }
    }
    return out;
  }

  /** The pieces in a tile: the features of its sections. */
  public static int count(RclTile tile) {
    int n = 0;
    for (TileSection section : tile.getSections()) {
      n += section.getFeatures().size();
    }
    return n;
  }

  /**
   * The pieces {@code features} (of chart {@code chartId}, decoded views with WKB geometry in CRS
   * units) written as one section of the tile {@code frame}.
   */
  public static SectionWriter.Section section(String chartId, List<TileFeature> features, TileFrame frame) {
    SectionWriter writer = new SectionWriter(chartId);
    AttributeValues values = new AttributeValues();
    SpecificDatumWriter<S52Style> styles = new SpecificDatumWriter<>(S52Style.SCHEMA$);
    WKBReader wkb = new WKBReader(FACTORY);
    for (TileFeature f : features) {
      Geometry geometry;
      try {
        byte[] bytes = new byte[f.getGeometry().remaining()];
        f.getGeometry().duplicate().get(bytes);
        geometry = wkb.read(bytes);
      } catch (ParseException e) {
        throw new IllegalArgumentException("unreadable WKB in " + f.getChartId() + " " + f.getLnam(), e);
      }
      byte[] body = PieceCodec.body(geometry, f.getTriangles(), f.getDisplayPoint(), frame);
      writer.add(f.getLnam(), new ObjectClass(f.getObjectClass(), f.getObjectClassCode()), f.getPrimitive(),
          values.encode(f.getAttributes()), f.getStyle() == null ? null : ByteBuffer.wrap(encode(styles, f.getStyle())),
          ByteBuffer.wrap(body), f.getRevision(), f.getFeatureIndex());
    }
    return writer.finish();
  }

  /**
   * A whole tile from decoded views, one section per run of pieces of the same chart: for tests
   * and tools that build tiles by hand (the topology writes tiles from stored bytes).
   */
  public static RclTile tile(int level, int row, int col, long sequence, String contentHash, List<ChartContribution> charts,
                             List<TileFeature> features, TileGrid grid) {
    TileFrame frame = grid.frame(level, row, col);
    List<ByteBuffer> sections = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= features.size(); i++) {
      if (i == features.size() || !features.get(i).getChartId().equals(features.get(from).getChartId())) {
        sections.add(ByteBuffer.wrap(section(features.get(from).getChartId(), features.subList(from, i), frame).bytes()));
        from = i;
      }
    }
    long rcl = ((long) level << 56) | ((long) row << 28) | col;
    byte[] avro = TileWriter.write(rcl, level, row, col, sequence, contentHash, charts, sections);
    try {
      return new SpecificDatumReader<RclTile>(RclTile.SCHEMA$).read(null, DecoderFactory.get().binaryDecoder(avro, null));
    } catch (IOException e) {
      throw new IllegalStateException("a tile written here does not read back", e);
    }
  }

  /** A section's bytes as the Avro record. */
  public static TileSection decodeSection(byte[] bytes) {
    try {
      return new SpecificDatumReader<TileSection>(TileSection.SCHEMA$)
          .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a TileSection: " + e.getMessage(), e);
    }
  }

  private static <T> byte[] encode(SpecificDatumWriter<T> writer, T value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(value, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
