package io.chartstream.ingest.s57;

/**
 * One input file that could not be ingested, and why; becomes an {@code IngestError} dead
 * letter and one log line.
 *
 * @param file    path relative to the input root
 * @param chartId the cell name when known, else null
 * @param stage   where it failed: {@code discover}, {@code catalog}, {@code open}, {@code read},
 *                {@code update-chain}
 * @param code    a stable snake_case reason to count
 * @param reason  what a chart producer needs to know to fix it
 */
public record IngestProblem(String file, String chartId, String stage, String code, String reason) {
  @Override
  public String toString() {
    return file + " [" + stage + "] " + code + ": " + reason;
  }
}
