package io.chartstream.dbv.sink;

import io.chartstream.dbv.DbvMetadata;
import io.chartstream.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one {@link DbvSink}.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param registryUrl schema registry base URL
 * @param dbvPath the dbv file, created when missing
 * @param tilesTopic the finished tiles, normally {@link Topics#RCL_TILES}
 * @param catalogTopic the chart catalogue, normally {@link Topics#CHARTS_CATALOG}
 * @param metadata what a new dbv records in its metadata table
 * @param pollTimeout how long one poll waits for records
 */
public record DbvSinkConfig(
    String bootstrapServers,
    String registryUrl,
    Path dbvPath,
    String tilesTopic,
    String catalogTopic,
    DbvMetadata metadata,
    Duration pollTimeout) {

  /** The standard topics, a 500 ms poll. */
  public static DbvSinkConfig of(String bootstrapServers, String registryUrl, Path dbvPath, DbvMetadata metadata) {
    return new DbvSinkConfig(bootstrapServers, registryUrl, dbvPath, Topics.RCL_TILES, Topics.CHARTS_CATALOG,
        metadata, Duration.ofMillis(500));
  }

  /** The same settings reading other topics (tests run several sinks on one broker). */
  public DbvSinkConfig withTopics(String tiles, String catalog) {
    return new DbvSinkConfig(bootstrapServers, registryUrl, dbvPath, tiles, catalog, metadata, pollTimeout);
  }
}
