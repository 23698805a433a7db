package io.chartstream.ingest.connect;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records of one unit of work that is done only as a whole: a chart version, a catalogue, a
 * dead letter. Only the last record carries the new offset, so Connect never commits a unit
 * whose last record was not written; a unit cut short by a crash is produced again whole.
 *
 * @param partition the source partition of the unit
 * @param doneValue what the ledger records once the unit is handed over
 * @param records   the records, in order
 */
record WorkUnit(Map<String, String> partition, String doneValue, List<SourceRecord> records) {
  SourceRecord last() {
    return records.getLast();
  }
}
