package io.chartstream.topology.streams;

import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.clip.TilePiece;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * A clipped piece of a source feature as the draft of a {@link TileFeature}: the feature's
 * identity and attributes with the piece's geometry. Pieces of one feature in one RCL are numbered in the
 * order the clipper gives them.
 */
final class TilePieceEncoder {
  private final WKBWriter flat = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
  private final WKBWriter withDepth = new WKBWriter(3, ByteOrderValues.LITTLE_ENDIAN);
  private final Map<Long, Integer> piecesPerRcl = new HashMap<>();

  /** Starts numbering pieces afresh for the next source feature. */
  void nextFeature() {
    piecesPerRcl.clear();
  }

  /** The draft of a piece, for the feature stages to complete. */
  PieceDraft draft(S57Feature source, TilePiece piece) {
    int number = piecesPerRcl.merge(piece.rcl().encoded(), 1, Integer::sum) - 1;
    Geometry geometry = piece.geometry();
    byte[] wkb = hasDepth(geometry) ? withDepth.write(geometry) : flat.write(geometry);
    TileFeature.Builder record = TileFeature.newBuilder()
        .setChartId(source.getChartId())
        .setRevision(source.getRevision())
        .setFeatureIndex(source.getIndex())
        .setPiece(number)
        .setLnam(source.getLnam())
        .setObjectClass(source.getObjectClass())
        .setObjectClassCode(source.getObjectClassCode())
        .setPrimitive(source.getPrimitive())
        .setAttributes(source.getAttributes())
        .setGeometry(ByteBuffer.wrap(wkb));
    return new PieceDraft(piece.rcl(), geometry, record);
  }

  /** Soundings keep their depth; lines and areas are flat. */
  private static boolean hasDepth(Geometry geometry) {
    if (!(geometry instanceof Puntal)) {
      return false;
    }
    Coordinate c = geometry.getCoordinate();
    return c != null && !Double.isNaN(c.getZ());
  }
}
