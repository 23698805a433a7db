package io.chartstream.topology.streams;

import io.chartstream.schema.avro.ObjectClass;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.internal.AttributeEntry;
import io.chartstream.schema.avro.internal.PieceBody;
import io.chartstream.schema.avro.internal.PlacedPieces;
import io.chartstream.schema.tile.AttributeValues;
import io.chartstream.schema.tile.PieceCodec;
import io.chartstream.schema.tile.SectionWriter;
import io.chartstream.schema.tile.TileGrid;
import io.chartstream.topology.ChartProfile;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.clip.TilePiece;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A source feature's clipped pieces as drafts for the feature stages, and the drafts, once the
 * stages filled them, as the {@link PlacedPieces} the clip stage stores: each piece's body in the
 * compact tile encoding ({@link PieceCodec}), its style's and the feature's attribute values'
 * Avro bytes, so that building a section ({@link SectionWriter}) copies bytes. A piece is encoded
 * once, here. One instance per stream thread.
 */
final class PieceEncoder {
  private final TileGrid grid;
  private final ChartProfile profile;
  private final AttributeValues values = new AttributeValues();
  private final SpecificDatumWriter<S52Style> styles = new SpecificDatumWriter<>(S52Style.SCHEMA$);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
  private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);

  PieceEncoder(TileGrid grid, ChartProfile profile) {
    this.grid = grid;
    this.profile = profile;
  }

  /** The draft of a piece, for the feature stages to complete. */
  PieceDraft draft(S57Feature source, TilePiece piece) {
    TileFeature.Builder record = TileFeature.newBuilder()
        .setChartId(source.getChartId())
        .setRevision(source.getRevision())
        .setFeatureIndex(source.getIndex())
        .setLnam(source.getLnam())
        .setObjectClass(source.getObjectClass())
        .setObjectClassCode(source.getObjectClassCode())
        .setPrimitive(source.getPrimitive())
        .setAttributes(profile.attributes(source));
    return new PieceDraft(piece.rcl(), piece.geometry(), record);
  }

  /** What the feature placed: its pieces as the stages left them. */
  PlacedPieces placed(S57Feature source, List<PieceDraft> drafts) {
    Map<String, Object> kept = profile.attributes(source);
    List<AttributeEntry> attributes = new ArrayList<>(kept.size());
    for (SectionWriter.Attribute a : values.encode(kept)) {
      attributes.add(new AttributeEntry(a.key(), a.value()));
    }
    // Stages give every piece of a feature the same style object: encode it once.
    Map<S52Style, ByteBuffer> encoded = new IdentityHashMap<>(2);
    List<PieceBody> pieces = new ArrayList<>(drafts.size());
    for (PieceDraft draft : drafts) {
      TileFeature.Builder record = draft.record();
      S52Style style = record.getStyle();
      byte[] body = PieceCodec.body(draft.geometry(), record.getTriangles(), record.getDisplayPoint(),
          grid.frame(draft.rcl().encoded()));
      pieces.add(new PieceBody(draft.rcl().encoded(), style == null ? null : encoded.computeIfAbsent(style, this::encode),
          ByteBuffer.wrap(body)));
    }
    return new PlacedPieces(source.getRevision(), source.getIndex(),
        new ObjectClass(source.getObjectClass(), source.getObjectClassCode()), source.getPrimitive(), attributes, pieces);
  }

  private ByteBuffer encode(S52Style style) {
    buffer.reset();
    try {
      styles.write(style, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return ByteBuffer.wrap(buffer.toByteArray());
  }
}
