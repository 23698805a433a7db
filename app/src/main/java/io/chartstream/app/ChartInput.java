package io.chartstream.app;

import io.chartstream.ingest.connect.S57SourceConnectorConfig;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.s3.S3MirrorException;
import io.chartstream.s3.S3PrefixMirror;
import io.chartstream.s3.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --input} of {@code run} and {@code ingest}: a directory, or an {@code s3://bucket/prefix}
 * the connector mirrors into the work dir (see {@link S57SourceConnectorConfig}).
 *
 * @param location the option's value as given
 */
record ChartInput(String location) {
  /** Whether the input is an S3 prefix. */
  boolean isS3() {
    return S57SourceConnectorConfig.isS3(location);
  }

  /** Why the input cannot be used as given, or null: a local input must be an existing directory. */
  String problem() {
    if (!isS3() && !Files.isDirectory(Path.of(location))) {
      return "--input " + location + " is not a directory";
    }
    return null;
  }

  /** The value of the connector's {@code input} setting. */
  String connectorInput() {
    return isS3() ? location : Path.of(location).toAbsolutePath().normalize().toString();
  }

  /** Connector settings beyond {@code input}: for S3, the store and where its mirrors go. */
  Map<String, String> connectorSettings(S3Options s3, Path workDir) {
    Map<String, String> settings = new HashMap<>();
    if (isS3()) {
      settings.putAll(s3.connectorSettings());
      settings.put(S57SourceConnectorConfig.S3_CACHE_DIR_CONF, cacheDir(workDir).toString());
    }
    return settings;
  }

  /**
   * What the input holds now, to know which charts to expect. An S3 prefix is mirrored into the
   * directory of the connector's first task, which then finds its files already there.
   *
   * @throws S3MirrorException if the prefix cannot be listed
   */
  InputScan scan(S3Options s3, Path workDir) {
    Path dir = localDir(workDir);
    if (isS3()) {
      S3Settings settings = s3.settings(location);
      try (S3PrefixMirror mirror = S3PrefixMirror.open(settings, dir)) {
        // The connector reports each of these as a dead letter too; this says it at once.
        mirror.sync().failures().forEach(f -> System.err.println(
            "cannot download s3://" + settings.bucket() + "/" + f.key() + ": " + f.reason()));
      }
    }
    return new InputScanner(dir, 0).scan();
  }

  /** Where the input's files are on this machine: the directory, or the first task's mirror of the S3 prefix. */
  Path localDir(Path workDir) {
    return isS3() ? S57SourceConnectorConfig.mirrorDir(cacheDir(workDir), 0) : Path.of(location).toAbsolutePath().normalize();
  }

  private static Path cacheDir(Path workDir) {
    return workDir.toAbsolutePath().normalize().resolve("s3-input");
  }

  @Override
  public String toString() {
    return location;
  }
}
