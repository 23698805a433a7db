package io.chartstream.app.ops;

/**
 * A record on a dead-letter topic ({@code s57.ingest.errors} or {@code topology.errors}): what
 * could not be produced and why, as the operator page lists it.
 */
public record DeadLetter(String topic, String file, String chartId, String stage, String code, String reason, long detectedAtMillis) {}
