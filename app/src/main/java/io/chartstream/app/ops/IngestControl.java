package io.chartstream.app.ops;

/** Pausing and resuming ingest, and its state: what the operator page's buttons do. */
public interface IngestControl {
  /** The connector's state and its tasks' ({@code RUNNING}, {@code PAUSED}, {@code FAILED}...). */
  ConnectorStatus status();

  void pause();

  void resume();

  /** A connector's state as Kafka Connect reports it, without the worker's error traces. */
  record ConnectorStatus(String connector, String state, java.util.List<String> taskStates) {}
}
