package io.chartstream.app.ops;

import java.util.List;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;

/**
 * Ingest paused and resumed through the Connect worker's herder: what {@code PUT
 * /connectors/{name}/pause} does on its REST API. Paused tasks stop polling the input; their
 * offsets stay, so a resume continues where they were.
 */
public final class HerderIngestControl implements IngestControl {
  private final Herder herder;
  private final String connector;

  public HerderIngestControl(Herder herder, String connector) {
    this.herder = herder;
    this.connector = connector;
  }

  @Override
  public ConnectorStatus status() {
    ConnectorStateInfo info = herder.connectorStatus(connector);
    List<String> tasks = info.tasks().stream().map(ConnectorStateInfo.AbstractState::state).toList();
    return new ConnectorStatus(connector, info.connector().state(), tasks);
  }

  @Override
  public void pause() {
    herder.pauseConnector(connector);
  }

  @Override
  public void resume() {
    herder.resumeConnector(connector);
  }
}
