package io.chartstream.ingest.connect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Kafka Connect source of S-57 charts: finds exchange sets and cells under a directory and
 * emits, per chart version, a catalogue entry, {@code ChartStart}, every feature and
 * {@code ChartEnd} (see {@link S57SourceTask}).
 *
 * <p>Charts are spread over tasks by a hash of the chart id, so a delivery scales out over a
 * Connect cluster; each chart version is written by one task, in order, to one partition. Each
 * chart version is one transaction when the worker runs exactly-once source support.
 */
public final class S57SourceConnector extends SourceConnector {
  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new S57SourceConnectorConfig(props); // fail fast on bad settings
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return S57SourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (int i = 0; i < maxTasks; i++) {
      Map<String, String> config = new HashMap<>(props);
      config.put(S57SourceConnectorConfig.TASK_INDEX_CONF, String.valueOf(i));
      config.put(S57SourceConnectorConfig.TASK_COUNT_CONF, String.valueOf(maxTasks));
      configs.add(config);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return S57SourceConnectorConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return S57SourceConnector.class.getPackage().getImplementationVersion() == null
        ? "dev" : S57SourceConnector.class.getPackage().getImplementationVersion();
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.SUPPORTED;
  }
}
