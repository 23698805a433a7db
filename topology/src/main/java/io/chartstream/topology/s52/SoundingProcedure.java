package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * S-52 CSP <b>SOUNDG03</b> (PresLib 4.0, CSP §12.2.17) for soundings (SOUNDG): each sounding's
 * depth drawn as sounding symbols by SNDFRM04 ({@link SoundingSymbolProcedure}), bold when at or
 * shallower than the safety depth, with the swept, low-reliability and drying prefixes.
 *
 * <p>The depth is the Z of the point (the ingest reads cells with {@code SPLIT_MULTIPOINT=ON}, so
 * each sounding is its own point feature); without a Z, the {@code DEPTH} attribute GDAL adds
 * ({@code ADD_SOUNDG_DEPTH=ON}) is used. A sounding without any depth draws nothing.
 *
 * <p>Limit: the CSP symbolizes every point of a sounding array at its own position, but an
 * instruction list belongs to the whole feature. For an unsplit multipoint the shallowest depth
 * is drawn (the fail-safe one); split soundings are exact.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class SoundingProcedure implements ConditionalProcedure {
  @Override
  public String name() {
    return "SOUNDG";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    OptionalDouble depth = depth(feature);
    return depth.isPresent() ? SoundingSymbolProcedure.instructions(depth.getAsDouble(), feature, settings) : List.of();
  }

  /** The sounding's depth in metres (positive down): the shallowest Z of the geometry, else DEPTH. */
  static OptionalDouble depth(S57Feature feature) {
    OptionalDouble z = shallowestZ(feature.getGeometry());
    if (z.isPresent()) {
      return z;
    }
    return ProcedureAttributes.real(feature, "DEPTH").stream().mapToDouble(Double::doubleValue).findFirst();
  }

  private static OptionalDouble shallowestZ(ByteBuffer wkb) {
    if (wkb == null || !wkb.hasRemaining()) {
      return OptionalDouble.empty();
    }
    byte[] bytes = new byte[wkb.remaining()];
    wkb.duplicate().get(bytes);
    try {
      // A new reader per call: WKBReader keeps parse state and is not thread-safe.
      Geometry geometry = new WKBReader().read(bytes);
      return Arrays.stream(geometry.getCoordinates()).mapToDouble(Coordinate::getZ).filter(Double::isFinite).min();
    } catch (ParseException | RuntimeException e) {
      // Unreadable geometry is the clip stage's to report; here it only means "no Z".
      return OptionalDouble.empty();
    }
  }
}
