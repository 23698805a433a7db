package io.chartstream.app.ops;

/**
 * A chart as the operator sees it: its version in the dbv (if any) and where it stands.
 *
 * @param revision edition and update in the dbv ({@code ""} when not there yet)
 * @param state {@code in dbv}, {@code ingested} (on Kafka, tiles not all stored yet),
 *     {@code failed} (a dead letter names it) or {@code pending}
 */
public record ChartState(String chartId, String revision, Integer edition, Integer updateNumber, String state) {}
