package io.chartstream.schema;

import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S57Feature;
import org.apache.avro.Schema;

/**
 * The Avro schema of each topic's keys and values, registered under the Confluent
 * TopicNameStrategy subjects {@code <topic>-key} and {@code <topic>-value}.
 */
public final class TopicSchemas {
  /** Every key is an Avro string (the chart id or file name), so Confluent clients decode keys too. */
  public static final Schema STRING_KEY = Schema.create(Schema.Type.STRING);
  /** {@code s57.features} values: ChartStart, S57Feature or ChartEnd. */
  public static final Schema CHART_EVENT = Schema.createUnion(ChartStart.SCHEMA$, S57Feature.SCHEMA$, ChartEnd.SCHEMA$);
  public static final Schema CATALOG_ENTRY = ChartCatalogEntry.SCHEMA$;
  public static final Schema INGEST_ERROR = IngestError.SCHEMA$;
  /** {@code rcl.tiles} keys: the encoded RCL as an Avro long. */
  public static final Schema RCL_KEY = Schema.create(Schema.Type.LONG);
  public static final Schema RCL_TILE = RclTile.SCHEMA$;

  private TopicSchemas() {}
}
