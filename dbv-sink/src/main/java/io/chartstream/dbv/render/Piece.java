package io.chartstream.dbv.render;

import io.chartstream.schema.avro.TileFeature;
import java.awt.geom.Point2D;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * One tile feature ready to draw: the feature, the square of the tile it was clipped to, its
 * instructions parsed, and its geometry decoded from WKB (lazily, once; a piece whose
 * WKB cannot be read has no geometry and draws only what needs none).
 *
 * <p>Not thread-safe ({@code @NotThreadSafe}): one render owns its pieces.
 */
final class Piece {
  private final TileFeature feature;
  private final Envelope tile;
  private final List<Instruction> instructions;
  private Optional<Geometry> geometry;

  Piece(TileFeature feature, Envelope tile) {
    this.feature = feature;
    this.tile = tile;
    this.instructions = feature.getStyle() == null ? List.of()
        : InstructionParser.parseAll(feature.getStyle().getInstructions());
  }

  TileFeature feature() {
    return feature;
  }

  Envelope tile() {
    return tile;
  }

  List<Instruction> instructions() {
    return instructions;
  }

  /** The instructions named {@code name}, in order. */
  List<Instruction> named(String name) {
    return instructions.stream().filter(i -> i.name().equals(name)).toList();
  }

  int priority() {
    return feature.getStyle() == null ? 0 : feature.getStyle().getDisplayPriority();
  }

  /** The geometry in EPSG:3395 metres, decoded on first use with {@code reader}. */
  Optional<Geometry> geometry(WKBReader reader) {
    if (geometry == null) {
      geometry = decode(feature.getGeometry(), reader);
    }
    return geometry;
  }

  /**
   * Where a label or centred symbol goes, in pixels: the display point (set on exactly one piece,
   * so each feature is labelled once), else, for a point piece, its point.
   */
  Optional<Point2D> anchor(Viewport viewport, WKBReader reader) {
    if (feature.getDisplayPoint() != null) {
      return Optional.of(viewport.toPixel(feature.getDisplayPoint().getX(), feature.getDisplayPoint().getY()));
    }
    return geometry(reader).filter(Point.class::isInstance).map(Point.class::cast)
        .filter(p -> !p.isEmpty())
        .map(p -> viewport.toPixel(p.getX(), p.getY()));
  }

  private static Optional<Geometry> decode(ByteBuffer wkb, WKBReader reader) {
    if (wkb == null || !wkb.hasRemaining()) {
      return Optional.empty();
    }
    byte[] bytes = new byte[wkb.remaining()];
    wkb.duplicate().get(bytes);
    try {
      return Optional.of(reader.read(bytes));
    } catch (ParseException | RuntimeException e) {
      // A damaged piece still draws its triangles and labels; its lines are lost.
      return Optional.empty();
    }
  }
}
