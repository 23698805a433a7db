package io.chartstream.app;

import io.chartstream.dbv.s3.DbvSnapshotPublisher;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --publish} and {@code --publish-interval} of the commands that write a dbv continuously (a picocli mixin). */
final class PublishOptions {
  @Option(names = "--publish", paramLabel = "s3://BUCKET/KEY", description = "Upload a consistent snapshot of the dbv here when the"
      + " production completes (run --once: before exiting), and after new tiles at most every --publish-interval.")
  String location;

  @Option(names = "--publish-interval", defaultValue = "PT1M", description = "Least time between two uploads of a running production (default: ${DEFAULT-VALUE}).")
  Duration interval;

  /**
   * The publication of {@code dbv} these options ask for, or null without {@code --publish}.
   *
   * @throws IllegalArgumentException if the location is not an {@code s3://bucket/key}
   */
  DbvPublication publication(Path dbv, S3Options s3) {
    return location == null ? null : new DbvPublication(dbv, s3.settings(location), interval, new DbvSnapshotPublisher());
  }
}
