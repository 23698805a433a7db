package io.chartstream.topology.project;

import java.util.Locale;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reprojects geometries from WGS84 longitude/latitude (EPSG:4326 axis order x = longitude,
 * y = latitude, as GDAL writes S-57 WKB) to the target CRS, in pure Java with proj4j, so stream
 * processors need no native PROJ.
 *
 * <p>Algorithm: copy the geometry (same structure, same factory), then transform every
 * coordinate in place with one proj4j {@link CoordinateTransform}, reusing two
 * {@link ProjCoordinate}s. Only x and y change: Z and M stay as they are (soundings carry their
 * depth in Z).
 *
 * <p>Limits:
 * <ul>
 *   <li>Latitudes are clamped to ±{@value #MAX_LATITUDE}° before projecting: Mercator maps the
 *       poles to infinity. A clamped coordinate lies far beyond the RCL grid's square extent
 *       (about ±85.08° on EPSG:3395) and is cut there by the clipper, which flags the feature.
 *   <li>Longitudes are not wrapped: −180° and 180° go to the grid's west and east edges.
 *   <li>A coordinate the projection rejects, and any non-finite input, becomes NaN rather than
 *       an exception; the clipper's validity check repairs such vertices away.
 *   <li>The accuracy is proj4j's: {@code ReprojectorTest} checks EPSG:3395 against
 *       {@code ogr2ogr -t_srs EPSG:3395} on every shared NOAA cell, within 1 mm.
 * </ul>
 *
 * <p>Not thread-safe ({@code @NotThreadSafe}): proj4j transforms keep per-call state, and so
 * does this class. Use one instance per stream thread (creating one costs a CRS lookup; reuse it).
 *
 * @see io.chartstream.topology.clip.TileClipper
 */
public final class Reprojector {
  /** The latitude, in degrees, beyond which coordinates are clamped before projecting. */
  public static final double MAX_LATITUDE = 89.9;

  private static final String SOURCE_CRS = "EPSG:4326";
  private static final CRSFactory CRS_FACTORY = new CRSFactory();

  private final String crsName;
  private final int srid;
  private final CoordinateTransform transform;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  private Reprojector(String crsName, CoordinateTransform transform) {
    this.crsName = crsName;
    this.srid = sridOf(crsName);
    this.transform = transform;
  }

  /**
   * A reprojector from WGS84 to {@code crsName}, an authority code proj4j knows (e.g.
   * {@code "EPSG:3395"}; proj4j-epsg provides the EPSG database).
   *
   * @throws IllegalArgumentException when the code is unknown or proj4j cannot build the transform
   */
  public static Reprojector to(String crsName) {
    if (crsName == null || crsName.isBlank()) {
      throw new IllegalArgumentException("no target CRS given");
    }
    String name = crsName.strip().toUpperCase(Locale.ROOT);
    try {
      CoordinateReferenceSystem source = CRS_FACTORY.createFromName(SOURCE_CRS);
      CoordinateReferenceSystem target = CRS_FACTORY.createFromName(name);
      return new Reprojector(name, new CoordinateTransformFactory().createTransform(source, target));
    } catch (Proj4jException | IllegalStateException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("unknown or unsupported target CRS '" + crsName + "': " + e.getMessage(), e);
    }
  }

  /** The target CRS, as given to {@link #to} (upper case), e.g. {@code EPSG:3395}. */
  public String crsName() {
    return crsName;
  }

  /**
   * A new geometry with every coordinate of {@code wgs84} projected; same structure and factory,
   * Z kept. The SRID is the target's EPSG code when the CRS name is {@code EPSG:n}.
   */
  public Geometry project(Geometry wgs84) {
    Geometry projected = wgs84.copy();
    CoordinateEdit.everywhere(projected, this::project);
    projected.geometryChanged();
    if (srid != 0) {
      projected.setSRID(srid);
    }
    return projected;
  }

  private void project(CoordinateSequence seq, int i) {
    double lon = seq.getX(i);
    double lat = seq.getY(i);
    double x = Double.NaN;
    double y = Double.NaN;
    if (Double.isFinite(lon) && Double.isFinite(lat)) {
      in.x = lon;
      in.y = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
      try {
        transform.transform(in, out);
        x = out.x;
        y = out.y;
      } catch (Proj4jException e) {
        // Out of the projection's domain: NaN, repaired away downstream (see the class comment).
      }
    }
    seq.setOrdinate(i, CoordinateSequence.X, x);
    seq.setOrdinate(i, CoordinateSequence.Y, y);
  }

  private static int sridOf(String crsName) {
    if (crsName.startsWith("EPSG:")) {
      try {
        return Integer.parseInt(crsName.substring(5));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }
}
