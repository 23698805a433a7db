package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.PaletteColour;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.StringList;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.Triangles;
import io.chartstream.schema.avro.internal.SectionPart;
import io.chartstream.schema.tile.SectionWriter;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.schema.tile.TileFrame;
import io.chartstream.schema.tile.TileGrid;
import io.chartstream.topology.rcl.RclKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * A tile written from its stored sections' bytes against the oracle: the same tile as objects,
 * read back by Avro's own reader. Sections with every optional part set, and a chart id long
 * enough for its length to take two varint bytes.
 */
class RclTileBuilderTest {
  static final long RCL = RclKey.of(2900, 1300, 13).encoded();
  static final TileFrame FRAME = TileGrid.worldMercator().frame(RCL);

  @Test
  void theTileWrittenFromStoredSectionsIsTheTileAvroReadsBack() throws IOException {
    String longChart = "X".repeat(70);
    SectionWriter.Section a = TileFeatures.section("US5AAAAA", List.of(piece("US5AAAAA", "1:0:20260101:20260101", 12, true),
        piece("US5AAAAA", "1:3:20260301:20260301", 4_000, false)), FRAME);
    SectionWriter.Section b1 = TileFeatures.section(longChart, List.of(piece(longChart, "", 0, true)), FRAME);
    SectionWriter.Section b2 = TileFeatures.section(longChart, List.of(piece(longChart, "2:0::", 70_000, false)), FRAME);
    RclTileBuilder builder = new RclTileBuilder(RCL);
    builder.add(part("US5AAAAA", "1:3:20260301:20260301", 0, true, a));
    builder.contribute("US5AAAAA", "1:3:20260301:20260301", 2);
    builder.add(part(longChart, "2:0::", 0, false, b1));
    builder.add(part(longChart, "2:0::", 1, true, b2));
    builder.contribute(longChart, "2:0::", 2);

    RclTile read = new SpecificDatumReader<RclTile>(RclTile.SCHEMA$)
        .read(null, DecoderFactory.get().binaryDecoder(builder.encode(7), null));

    RclKey key = RclKey.decode(RCL);
    RclTile expected = RclTile.newBuilder().setRcl(RCL).setLevel(key.level()).setRow(key.row()).setCol(key.col())
        .setSequence(7).setContentHash(builder.contentHash())
        .setCharts(List.of(new ChartContribution("US5AAAAA", "1:3:20260301:20260301", 2), new ChartContribution(longChart, "2:0::", 2)))
        .setSections(List.of(TileFeatures.decodeSection(a.bytes()), TileFeatures.decodeSection(b1.bytes()),
            TileFeatures.decodeSection(b2.bytes())))
        .build();
    assertEquals(expected, read);
    assertEquals(4, TileFeatures.of(read).size());
  }

  @Test
  void theHashIsOfContentAloneAndFollowsIt() {
    TileFeature same = piece("US5AAAAA", "1:0::", 1, true);
    TileFeature other = piece("US5AAAAA", "1:0::", 1, true);
    other.setObjectClass("LNDARE");
    String a = hash(List.of(same), 1);
    String b = hash(List.of(TileFeature.newBuilder(same).setRevision("1:1::").setFeatureIndex(9).build()), 1);
    assertEquals(a, b, "another revision and index, the same content");
    assertNotEquals(a, hash(List.of(other), 1));
    assertNotEquals(a, hash(List.of(same), 2), "the piece counts are part of it");
  }

  private static String hash(List<TileFeature> features, int count) {
    RclTileBuilder builder = new RclTileBuilder(RCL);
    builder.add(part("US5AAAAA", "1:0::", 0, true, TileFeatures.section("US5AAAAA", features, FRAME)));
    builder.contribute("US5AAAAA", "1:0::", count);
    return builder.contentHash();
  }

  static SectionPart part(String chart, String revision, int part, boolean last, SectionWriter.Section section) {
    return new SectionPart(chart, revision, part, last, section.features(), ByteBuffer.wrap(section.contentDigest()),
        ByteBuffer.wrap(section.bytes()));
  }

  private static TileFeature piece(String chart, String revision, int index, boolean full) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("OBJNAM", "Buoy " + index);
    attributes.put("DRVAL1", 5.5);
    attributes.put("COLOUR", new StringList(List.of("3", "1")));
    TileGrid grid = FRAME.grid();
    double x = grid.x(FRAME.originX() + 10 * index);
    double y = grid.y(FRAME.originY() + 20);
    double x2 = grid.x(FRAME.originX() + 10 * index + 1000);
    double y2 = grid.y(FRAME.originY() + 777);
    var square = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x2, y),
        new Coordinate(x2, y2), new Coordinate(x, y)});
    TileFeature.Builder b = TileFeature.newBuilder().setChartId(chart).setRevision(revision).setFeatureIndex(index)
        .setLnam("0226" + index).setObjectClass("DEPARE").setObjectClassCode(42).setPrimitive(3)
        .setAttributes(attributes).setGeometry(ByteBuffer.wrap(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(square)));
    if (full) {
      b.setTriangles(new Triangles(List.of(FRAME.length(10L * index), FRAME.length(20), FRAME.length(10L * index + 1000),
              FRAME.length(20), FRAME.length(10L * index + 1000), FRAME.length(777)), List.of(0, 1, 2)))
          .setDisplayPoint(new DisplayPoint(x + 3.5, y + 2.25))
          .setStyle(S52Style.newBuilder().setLookup("PLAIN_BOUNDARIES DEPARE").setFallback(false).setDisplayPriority(1)
              .setDisplayCategory("DISPLAYBASE").setViewingGroup(13030).setRadarOverlay(false)
              .setInstructions(List.of("AC(DEPMS)")).setColours(Map.of("DEPMS", new PaletteColour("#aabbcc", "#112233", "#000000")))
              .build());
    }
    return b.build();
  }
}
