package io.chartstream.app;

import io.chartstream.dbv.s3.DbvSnapshotPublisher;
import io.chartstream.dbv.s3.PublishedSnapshot;
import io.chartstream.dbv.s3.S3PublishException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chartstream publish}: a consistent snapshot of a dbv uploaded to S3 on demand. Safe while
 * a sink writes the file: the snapshot is SQLite's {@code VACUUM INTO}, one read transaction.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Upload a consistent snapshot of a dbv to S3 (safe while a sink is writing it).")
final class PublishCommand implements Callable<Integer> {
  @Option(names = "--dbv", defaultValue = "chart.dbv", description = "The chart database (default: ${DEFAULT-VALUE}).")
  Path dbv;

  @Parameters(index = "0", paramLabel = "s3://BUCKET/KEY", description = "Where to put it; a key ending in / gets the dbv's file name.")
  String target;

  @Mixin
  S3Options s3 = new S3Options();

  @Override
  public Integer call() {
    if (!Files.isRegularFile(dbv)) {
      System.err.println("chartstream publish: --dbv " + dbv + " is not a file");
      return 2;
    }
    try {
      PublishedSnapshot published = new DbvSnapshotPublisher().publish(dbv.toAbsolutePath(), s3.settings(target));
      System.out.printf("publish: %s -> %s (%d bytes, sha256 %s)%n", dbv, published.location(), published.size(), published.sha256());
      return 0;
    } catch (IllegalArgumentException | S3PublishException e) {
      System.err.println("chartstream publish: " + e.getMessage());
      return 1;
    }
  }
}
