package io.chartstream.topology.clip;

import io.chartstream.topology.rcl.RclKey;
import org.locationtech.jts.geom.Geometry;

/**
 * The part of one feature's projected geometry that falls in one RCL tile (its buffered
 * rectangle), as {@link TileClipper} cuts it: never empty, its own JTS object (not shared with
 * the input or with other pieces).
 *
 * @param rcl      the tile
 * @param geometry the part, in the target CRS
 */
public record TilePiece(RclKey rcl, Geometry geometry) {}
