package io.chartstream.ingest.connect;

import io.chartstream.ingest.s57.IngestProblem;
import io.chartstream.schema.avro.IngestError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One dead letter per {@link IngestProblem}, with one clear log line: file, stage, reason. */
final class IngestErrorRecords {
  private static final Logger LOGGER = LoggerFactory.getLogger(IngestErrorRecords.class);
  private static final int FIRST_BYTES = 64;

  private IngestErrorRecords() {}

  static Map<String, String> partition(IngestProblem problem) {
    return Map.of("file", problem.file());
  }

  /** What marks this problem reported: the same file failing the same way is reported once. */
  static String doneValue(IngestProblem problem, String fileStamp) {
    return problem.code() + "@" + fileStamp;
  }

  static WorkUnit of(IngestProblem problem, Path inputRoot, String fileStamp, RecordEncoder encoder) {
    LOGGER.warn("Ingest error: {} [{}] {}: {}", problem.file(), problem.stage(), problem.code(), problem.reason());
    IngestError error = IngestError.newBuilder()
        .setFile(problem.file())
        .setChartId(problem.chartId())
        .setStage(problem.stage())
        .setCode(problem.code())
        .setReason(problem.reason())
        .setFirstBytes(firstBytes(inputRoot.resolve(problem.file())))
        .setDetectedAt(Instant.now())
        .build();
    String done = doneValue(problem, fileStamp);
    Map<String, String> partition = partition(problem);
    return new WorkUnit(partition, done,
        List.of(encoder.error(problem.file(), error, partition, OffsetLedger.offset(done))));
  }

  /**
   * The file's first bytes, never through a symbolic link: a link may lead outside the input
   * (that is one of the problems reported), and nothing from outside goes on a topic.
   */
  private static ByteBuffer firstBytes(Path file) {
    try (InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return ByteBuffer.wrap(in.readNBytes(FIRST_BYTES));
    } catch (IOException e) {
      return null; // gone or unreadable: the reason says so
    }
  }
}
