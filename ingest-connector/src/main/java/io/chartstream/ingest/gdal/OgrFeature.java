package io.chartstream.ingest.gdal;

import java.util.Map;

/**
 * One OGR feature copied out of GDAL into plain Java values; the native feature is already
 * destroyed when a caller sees this.
 *
 * @param layer  the OGR layer name (for S-57, the object class acronym)
 * @param fid    OGR's feature id within the layer
 * @param fields the fields that are set and not null, in layer-definition order: {@code Long}
 *               (Integer, Integer64), {@code Double} (Real), {@code String} (String, dates),
 *               {@code long[]} (IntegerList, Integer64List), {@code double[]} (RealList),
 *               {@code List<String>} (StringList)
 * @param wkb    the geometry as ISO WKB, little endian, or null for none
 */
public record OgrFeature(String layer, long fid, Map<String, Object> fields, byte[] wkb) {}
