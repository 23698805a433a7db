package io.chartstream.schema.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.PaletteColour;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.TileSection;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Sections and tiles, read back by Avro's reader of {@link RclTile}: tables hold each entry once,
 * pieces come back as they went in (on the grid), and the content digest ignores which version
 * placed a feature.
 */
class TileSectionTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final TileGrid grid = TileGrid.worldMercator();
  private final TileFrame frame = grid.frame(13, 2900, 1300);
  private final S52Style style = S52Style.newBuilder().setLookup("DEPARE area").setFallback(false).setDisplayPriority(1)
      .setDisplayCategory("DISPLAYBASE").setViewingGroup(13030).setRadarOverlay(false).setInstructions(List.of("AC(DEPVS)"))
      .setColours(Map.of("DEPVS", new PaletteColour("#aabbcc", "#112233", "#000011"))).build();

  @Test
  void piecesComeBackAsTheyWentInAndTablesHoldEachEntryOnce() throws Exception {
    List<TileFeature> in = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      in.add(feature("L" + i, i, "1:" + (i % 2) + "::", Map.of("DRVAL1", 5.0 + i % 3, "COLOUR", new IntList(List.of(3L, 1L)))));
    }
    SectionWriter.Section section = TileFeatures.section("US5AAAAA", in, frame);
    TileSection decoded = TileFeatures.decodeSection(section.bytes());
    assertEquals(1, decoded.getStyles().size(), "one style for twenty features");
    assertEquals(1, decoded.getObjectClasses().size());
    assertEquals(java.util.Set.of("DRVAL1", "COLOUR"), java.util.Set.copyOf(decoded.getAttributeKeys()));
    assertEquals(2, decoded.getAttributeKeys().size());
    assertEquals(4, decoded.getAttributeValues().size(), "three depths and one colour list");
    assertEquals(List.of("1:0::", "1:1::"), decoded.getRevisions());

    RclTile tile = tile(List.of(section));
    List<TileFeature> out = TileFeatures.of(tile);
    assertEquals(in.size(), out.size());
    for (int i = 0; i < in.size(); i++) {
      TileFeature a = in.get(i);
      TileFeature b = out.get(i);
      assertEquals(a.getLnam(), b.getLnam());
      assertEquals(a.getRevision(), b.getRevision());
      assertEquals(a.getFeatureIndex(), b.getFeatureIndex());
      assertEquals(a.getObjectClass() + a.getObjectClassCode(), b.getObjectClass() + b.getObjectClassCode());
      assertEquals(a.getAttributes(), b.getAttributes());
      assertEquals(a.getStyle(), b.getStyle());
      assertTrue(wkb(a).equalsExact(wkb(b), 0.0), wkb(a) + " vs " + wkb(b));
      assertEquals(a.getDisplayPoint(), b.getDisplayPoint());
    }
    assertNull(out.get(1).getDisplayPoint());
  }

  @Test
  void theContentDigestIgnoresWhichVersionPlacedAFeature() {
    List<TileFeature> v0 = List.of(feature("A", 3, "1:0::", Map.of()), feature("B", 4, "1:0::", Map.of()));
    List<TileFeature> v1 = List.of(feature("A", 1, "1:1::", Map.of()), feature("B", 4, "1:0::", Map.of()));
    SectionWriter.Section s0 = TileFeatures.section("US5AAAAA", v0, frame);
    SectionWriter.Section s1 = TileFeatures.section("US5AAAAA", v1, frame);
    assertArrayEquals(s0.contentDigest(), s1.contentDigest());
    assertFalse(java.util.Arrays.equals(s0.bytes(), s1.bytes()), "the provenance differs");
    List<TileFeature> changed = List.of(feature("A", 3, "1:0::", Map.of("X", 1L)), feature("B", 4, "1:0::", Map.of()));
    assertFalse(java.util.Arrays.equals(s0.contentDigest(), TileFeatures.section("US5AAAAA", changed, frame).contentDigest()));
  }

  @Test
  void severalSectionsMakeOneTileInOrder() throws Exception {
    SectionWriter.Section a = TileFeatures.section("US5AAAAA", List.of(feature("A", 0, "1:0::", Map.of())), frame);
    SectionWriter.Section b = TileFeatures.section("US5BBBBB", List.of(feature("B", 0, "2:0::", Map.of()),
        feature("C", 1, "2:0::", Map.of())), frame);
    RclTile tile = tile(List.of(a, b));
    assertEquals(3, TileFeatures.count(tile));
    assertEquals(List.of("US5AAAAA", "US5BBBBB", "US5BBBBB"), TileFeatures.of(tile).stream().map(TileFeature::getChartId).toList());
  }

  private RclTile tile(List<SectionWriter.Section> sections) throws Exception {
    long rcl = (13L << 56) | (2900L << 28) | 1300L;
    List<ByteBuffer> bytes = sections.stream().map(s -> ByteBuffer.wrap(s.bytes())).toList();
    byte[] avro = TileWriter.write(rcl, 13, 2900, 1300, 4, "hash", List.of(new ChartContribution("US5AAAAA", "1:1::", 20)), bytes);
    return new SpecificDatumReader<RclTile>(RclTile.SCHEMA$).read(null, DecoderFactory.get().binaryDecoder(avro, null));
  }

  /** A small area on the grid (so it comes back exactly), at a place given by its LNAM, with a display point on every even index. */
  private TileFeature feature(String lnam, int index, String revision, Map<String, Object> attributes) {
    long gx = frame.originX() + 1000L * Math.floorMod(lnam.hashCode(), 400); // placed by identity, not by index
    long gy = frame.originY() + 500;
    double x = grid.x(gx);
    double y = grid.y(gy);
    double d = grid.step() * 700;
    Geometry area = FACTORY.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(grid.x(gx + 700), y),
        new Coordinate(grid.x(gx + 700), grid.y(gy + 700)), new Coordinate(x, y)});
    return TileFeature.newBuilder().setChartId("US5AAAAA").setRevision(revision).setFeatureIndex(index).setLnam(lnam)
        .setObjectClass("DEPARE").setObjectClassCode(42).setPrimitive(3).setAttributes(new LinkedHashMap<>(attributes))
        .setGeometry(ByteBuffer.wrap(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(area)))
        .setDisplayPoint(index % 2 == 0 ? new DisplayPoint(x + d / 2, y + d / 4) : null)
        .setStyle(style).build();
  }

  private static Geometry wkb(TileFeature f) throws Exception {
    byte[] bytes = new byte[f.getGeometry().remaining()];
    f.getGeometry().duplicate().get(bytes);
    return new WKBReader().read(bytes);
  }
}
