package io.chartstream.topology.streams;

import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.internal.RclEvent;

/**
 * What the clip stage forwards: a part of a chart's section for an RCL, or a problem with a chart
 * or feature for {@code topology.errors}. Each carries the key it goes under.
 */
sealed interface ClipOutput {
  /** For the RCL stage, keyed by the RCL. */
  record ForRcl(long rcl, RclEvent event) implements ClipOutput {}

  /** For {@code topology.errors}, keyed by the chart. */
  record Problem(String chartId, IngestError error) implements ClipOutput {}
}
