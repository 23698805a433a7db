package io.chartstream.dbv;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.PaletteColour;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.StringList;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.Triangles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds deterministic, fully populated RclTiles for tests: triangles, styles, display points. */
public final class TestTiles {
  private static final String[] CLASSES = {"DEPARE", "LNDARE", "BOYLAT", "SOUNDG", "COALNE"};

  private TestTiles() {}

  /** The encoded RCL as RclKey encodes it: level bits 56-61, row 28-55, column 0-27. */
  public static long rcl(int level, int row, int col) {
    return ((long) level << 56) | ((long) row << 28) | col;
  }

  /** A tile whose content depends only on its arguments. */
  public static RclTile tile(int level, int row, int col, long sequence, int featureCount) {
    Random random = new Random(rcl(level, row, col) * 31 + sequence);
    List<TileFeature> features = new ArrayList<>();
    for (int i = 0; i < featureCount; i++) {
      features.add(feature(random, i));
    }
    String hash = sha256(level + "/" + row + "/" + col + "#" + sequence + ":" + featureCount);
    return RclTile.newBuilder()
        .setRcl(rcl(level, row, col)).setLevel(level).setRow(row).setCol(col)
        .setSequence(sequence).setContentHash(hash)
        .setCharts(List.of(new ChartContribution("US5WA22M", "3:2:20240101:20230101", featureCount),
            new ChartContribution("US4WA10M", "1:0::20220505", 0)))
        .setFeatures(features)
        .build();
  }

  private static TileFeature feature(Random random, int index) {
    String objectClass = CLASSES[index % CLASSES.length];
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("DRVAL1", random.nextDouble() * 20);
    attributes.put("SCAMIN", (long) random.nextInt(100000));
    attributes.put("OBJNAM", "feature " + index);
    attributes.put("COLOUR", new IntList(List.of(3L, 1L)));
    attributes.put("NOBJNM", null);
    attributes.put("NINFOM", new StringList(List.of("a", "b")));
    double x = random.nextDouble() * 1000;
    double y = random.nextDouble() * 1000;
    return TileFeature.newBuilder()
        .setChartId("US5WA22M").setRevision("3:2:20240101:20230101")
        .setFeatureIndex(index).setPiece(0).setLnam("0226" + Integer.toHexString(1000 + index))
        .setObjectClass(objectClass).setObjectClassCode(42 + index % 5).setPrimitive(3)
        .setAttributes(attributes)
        .setGeometry(pointWkb(x, y))
        .setTriangles(new Triangles(List.of(0.0, 0.0, x, 0.0, x, y, 0.0, y), List.of(0, 1, 2, 0, 2, 3)))
        .setDisplayPoint(index % 2 == 0 ? new DisplayPoint(x / 2, y / 2) : null)
        .setStyle(S52Style.newBuilder()
            .setLookup("PLAIN_BOUNDARIES:" + objectClass).setFallback(false)
            .setDisplayPriority(index % 10).setDisplayCategory("DISPLAYBASE").setViewingGroup(13030)
            .setRadarOverlay(index % 3 == 0)
            .setInstructions(List.of("AC(DEPMS)", "LS(SOLD,1,DEPSC)"))
            .setColours(Map.of("DEPMS", new PaletteColour("#98c5f2", "#224466", "#0a1520")))
            .build())
        .build();
  }

  private static ByteBuffer pointWkb(double x, double y) {
    ByteBuffer wkb = ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN);
    wkb.put((byte) 1).putInt(1).putDouble(x).putDouble(y);
    return wkb.flip();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Metadata as a test dbv records it. */
  public static DbvMetadata metadata() {
    return DbvMetadata.worldMercator(Map.of("band.5", "13", "band.4", "12"), Map.of("safetyContour", "30"));
  }
}
