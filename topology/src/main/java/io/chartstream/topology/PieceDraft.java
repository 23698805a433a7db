package io.chartstream.topology;

import io.chartstream.schema.avro.TileFeature;
import io.chartstream.topology.rcl.RclKey;
import org.locationtech.jts.geom.Geometry;

/**
 * A clipped piece of a feature on its way to the RCL stage: its RCL, its geometry in the target
 * CRS, and the record being built, whose presentation fields the {@link FeatureStage}s fill.
 */
public record PieceDraft(RclKey rcl, Geometry geometry, TileFeature.Builder record) {}
