package io.chartstream.ingest.s57;

import io.chartstream.ingest.gdal.OgrFeature;
import io.chartstream.schema.avro.S57Feature;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Turns one OGR feature of GDAL's S-57 driver into an {@link S57Feature}: GDAL's record-id
 * fields (RCID, PRIM, GRUP, OBJL, RVER, AGEN, FIDN, FIDS, LNAM, LNAM_REFS, FFPT_RIND) become
 * typed fields; every other field is an S-57 attribute and goes, with its type, into
 * {@code attributes}.
 */
final class FeatureMapper {
  private static final Set<String> RECORD_FIELDS =
      Set.of("RCID", "PRIM", "GRUP", "OBJL", "RVER", "AGEN", "FIDN", "FIDS", "LNAM", "LNAM_REFS", "FFPT_RIND");

  private FeatureMapper() {}

  static S57Feature map(String chartId, String revision, int index, OgrFeature feature) {
    Map<String, Object> fields = feature.fields();
    Map<String, Object> attributes = new LinkedHashMap<>();
    fields.forEach((name, value) -> {
      if (!RECORD_FIELDS.contains(name)) {
        attributes.put(name, AttributeValues.toAvro(value));
      }
    });
    return S57Feature.newBuilder()
        .setChartId(chartId)
        .setRevision(revision)
        .setIndex(index)
        .setObjectClass(feature.layer())
        .setObjectClassCode((int) longOf(fields, "OBJL"))
        .setPrimitive((int) longOf(fields, "PRIM"))
        .setRcid(longOf(fields, "RCID"))
        .setGroup((int) longOf(fields, "GRUP"))
        .setRecordVersion((int) longOf(fields, "RVER"))
        .setAgency((int) longOf(fields, "AGEN"))
        .setFidn(longOf(fields, "FIDN"))
        .setFids((int) longOf(fields, "FIDS"))
        .setLnam(String.valueOf(fields.getOrDefault("LNAM", "")))
        .setLnamRefs(fields.get("LNAM_REFS") instanceof List<?> refs ? refs.stream().map(String::valueOf).toList() : List.of())
        .setLnamRelations(fields.get("FFPT_RIND") instanceof long[] rind ? LongStream.of(rind).boxed().toList() : List.of())
        .setAttributes(attributes)
        .setGeometry(feature.wkb() == null ? null : ByteBuffer.wrap(feature.wkb()))
        .build();
  }

  private static long longOf(Map<String, Object> fields, String name) {
    return fields.get(name) instanceof Long value ? value : 0L;
  }
}
