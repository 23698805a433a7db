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
import io.chartstream.schema.avro.internal.EncodedPiece;
import io.chartstream.topology.rcl.RclKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/**
 * A tile written from its stored pieces' bytes against the oracle: the same tile as objects,
 * read back by Avro's own reader. Pieces with every optional part set, and a chart id long enough
 * for its length to take two varint bytes.
 */
class RclTileBuilderTest {
  static final long RCL = RclKey.of(2900, 1300, 13).encoded();

  @Test
  void theTileWrittenFromStoredBytesIsTheTileAvroReadsBack() throws IOException {
    String longChart = "X".repeat(70);
    List<TileFeature> features = List.of(
        piece("US5AAAAA", "1:0:20260101:20260101", 12, 0, true),
        piece("US5AAAAA", "1:3:20260301:20260301", 4_000, 1, false),
        piece(longChart, "", 0, 0, true),
        piece(longChart, "2:0::", 70_000, 2, false));
    RclTileBuilder builder = new RclTileBuilder(RCL);
    PieceContent content = new PieceContent();
    for (TileFeature feature : features) {
      EncodedPiece piece = content.encode(TileFeature.newBuilder(feature), 0);
      builder.add(StoredPiece.encode(piece.getRevision(), piece.getFeatureIndex(), piece.getContent()));
    }
    builder.contribute("US5AAAAA", "1:3:20260301:20260301", 2);
    builder.contribute(longChart, "2:0::", 2);

    RclTile read = new SpecificDatumReader<RclTile>(RclTile.SCHEMA$)
        .read(null, DecoderFactory.get().binaryDecoder(builder.encode(7), null));

    RclKey key = RclKey.decode(RCL);
    RclTile expected = RclTile.newBuilder().setRcl(RCL).setLevel(key.level()).setRow(key.row()).setCol(key.col())
        .setSequence(7).setContentHash(builder.contentHash())
        .setCharts(List.of(new ChartContribution("US5AAAAA", "1:3:20260301:20260301", 2), new ChartContribution(longChart, "2:0::", 2)))
        .setFeatures(features).build();
    assertEquals(expected, read);
  }

  @Test
  void theHashIsOfContentAloneAndFollowsIt() {
    RclTileBuilder a = new RclTileBuilder(RCL);
    RclTileBuilder b = new RclTileBuilder(RCL);
    RclTileBuilder c = new RclTileBuilder(RCL);
    PieceContent content = new PieceContent();
    TileFeature same = piece("US5AAAAA", "1:0::", 1, 0, true);
    a.add(stored(content, same));
    b.add(stored(content, TileFeature.newBuilder(same).setRevision("1:1::").setFeatureIndex(9).build()));
    TileFeature other = piece("US5AAAAA", "1:0::", 1, 0, true);
    other.setObjectClass("LNDARE");
    c.add(stored(content, other));
    for (RclTileBuilder builder : List.of(a, b, c)) {
      builder.contribute("US5AAAAA", "1:0::", 1);
    }
    assertEquals(a.contentHash(), b.contentHash(), "another revision and index, the same content");
    assertNotEquals(a.contentHash(), c.contentHash());
  }

  private static byte[] stored(PieceContent content, TileFeature feature) {
    EncodedPiece piece = content.encode(TileFeature.newBuilder(feature), 0);
    return StoredPiece.encode(piece.getRevision(), piece.getFeatureIndex(), piece.getContent());
  }

  private static TileFeature piece(String chart, String revision, int index, int piece, boolean full) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("OBJNAM", "Buoy " + index);
    attributes.put("DRVAL1", 5.5);
    attributes.put("COLOUR", new StringList(List.of("3", "1")));
    TileFeature.Builder b = TileFeature.newBuilder().setChartId(chart).setRevision(revision).setFeatureIndex(index)
        .setPiece(piece).setLnam("0226" + index).setObjectClass("DEPARE").setObjectClassCode(42).setPrimitive(3)
        .setAttributes(attributes).setGeometry(ByteBuffer.wrap(new byte[] {1, 3, 0, 0, 0, (byte) index}));
    if (full) {
      List<Double> vertices = new ArrayList<>(List.of(0.0, 0.0, 10.5, 0.0, 0.0, 7.25));
      b.setTriangles(new Triangles(vertices, List.of(0, 1, 2)))
          .setDisplayPoint(new DisplayPoint(3.5, 2.25))
          .setStyle(S52Style.newBuilder().setLookup("PLAIN_BOUNDARIES DEPARE").setFallback(false).setDisplayPriority(1)
              .setDisplayCategory("DISPLAYBASE").setViewingGroup(13030).setRadarOverlay(false)
              .setInstructions(List.of("AC(DEPMS)")).setColours(Map.of("DEPMS", new PaletteColour("#aabbcc", "#112233", "#000000")))
              .build());
    }
    return b.build();
  }
}
