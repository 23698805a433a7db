package io.chartstream.dbv.render;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.StringList;
import io.chartstream.schema.avro.TileFeature;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;

/**
 * Draws {@code SY(NAME[,ROT])}: the PresLib symbol {@code NAME} from the library
 * ({@link SymbolShapes}), its pivot on the feature's anchor (the display point, or the point
 * itself), turned {@code ROT} degrees clockwise, where {@code ROT} is a number or the acronym of
 * the attribute holding it ({@code ORIENT}); every symbol of the piece in order, so a sounding's
 * digit symbols, a buoy's topmark and a light's flare compose as the PresLib composes them. A
 * feature with several points (an unsplit sounding array) has its symbols at each point. A name
 * the library lacks is drawn as its question mark ({@code QUESMRK1}).
 *
 * <p>Colours: each pen's colour token in the render's palette ({@link ColourBook}: the feature's
 * style, the tiles' styles, the library).
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class SymbolPainter {
  private SymbolPainter() {}

  static void paint(Piece piece, PaintContext context) {
    List<Instruction> symbols = piece.named("SY");
    if (symbols.isEmpty()) {
      return;
    }
    List<Point2D> positions = positions(piece, context);
    if (positions.isEmpty()) {
      return;
    }
    context.antialias(true);
    TileFeature feature = piece.feature();
    for (Instruction instruction : symbols) {
      Optional<String> name = instruction.arg(0);
      if (name.isEmpty()) {
        continue;
      }
      Optional<SymbolDrawing> drawing = context.symbols().symbol(name.get());
      if (drawing.isEmpty()) {
        continue;
      }
      double rotation = rotation(instruction, feature.getAttributes());
      for (Point2D at : positions) {
        drawing.get().draw(context.g(), drawing.get().placement(at.getX(), at.getY(), rotation, context.symbolScale()),
            token -> colour(feature, token, context), context.symbols());
      }
    }
  }

  private static Optional<Color> colour(TileFeature feature, String token, PaintContext context) {
    return context.colours().colour(feature, token);
  }

  /** Each point of a multipoint; else the anchor. */
  private static List<Point2D> positions(Piece piece, PaintContext context) {
    Optional<Geometry> geometry = piece.geometry(context.wkb());
    if (geometry.isPresent() && geometry.get() instanceof Puntal && geometry.get().getNumGeometries() > 1) {
      List<Point2D> points = new ArrayList<>();
      for (Coordinate c : geometry.get().getCoordinates()) {
        points.add(context.viewport().toPixel(c.x, c.y));
      }
      return points;
    }
    return piece.anchor(context.viewport(), context.wkb()).map(List::of).orElse(List.of());
  }

  /** {@code ROT}: degrees, or the attribute that holds them; 0 when absent or unreadable. */
  static double rotation(Instruction instruction, Map<String, Object> attributes) {
    Optional<String> rot = instruction.arg(1);
    if (rot.isEmpty()) {
      return 0;
    }
    try {
      return Double.parseDouble(rot.get());
    } catch (NumberFormatException e) {
      Object value = attributes.get(rot.get());
      return switch (value) {
        case Number n -> n.doubleValue();
        case RealList l when !l.getValues().isEmpty() -> l.getValues().getFirst();
        case IntList l when !l.getValues().isEmpty() -> l.getValues().getFirst();
        case StringList l when !l.getValues().isEmpty() -> parse(l.getValues().getFirst());
        case String s -> parse(s);
        case null, default -> 0;
      };
    }
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
