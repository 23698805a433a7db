package io.chartstream.topology.streams;

import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.TileFeature;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The seam after clipping, where the MainProduction and PostProduction steps of the old chain
 * plug in: each stage sees the source feature and one clipped piece, and returns the piece,
 * enriched (triangles, display point, S-52 style). Stages are pure functions of their inputs,
 * so a settings change is applied by replaying the topics.
 */
public record FeatureStages(List<BiFunction<S57Feature, TileFeature, TileFeature>> stages) {
  public static FeatureStages none() {
    return new FeatureStages(List.of());
  }

  TileFeature apply(S57Feature source, TileFeature piece) {
    TileFeature result = piece;
    for (var stage : stages) {
      result = stage.apply(source, result);
    }
    return result;
  }
}
