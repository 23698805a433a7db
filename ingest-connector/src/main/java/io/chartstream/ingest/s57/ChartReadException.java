package io.chartstream.ingest.s57;

/** A chart could not be read; carries the {@link IngestProblem} to report. */
public final class ChartReadException extends Exception {
  private final IngestProblem problem;

  public ChartReadException(String file, String stage, String code, String reason) {
    super(file + " [" + stage + "] " + code + ": " + reason);
    this.problem = new IngestProblem(file, null, stage, code, reason);
  }

  public IngestProblem problem() {
    return problem;
  }
}
