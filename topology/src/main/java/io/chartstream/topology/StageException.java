package io.chartstream.topology;

/**
 * A {@link FeatureStage} could not do its work on one feature (a ring that defeats the
 * triangulator, say). The topology reports it on {@code topology.errors} with its code and
 * forwards the feature's pieces without what that stage would have added: never dropped silently.
 */
public final class StageException extends RuntimeException {
  private final String code;

  public StageException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** A stable snake_case reason to count, e.g. {@code triangulation_failed}. */
  public String code() {
    return code;
  }
}
