package io.chartstream.app.progress;

import io.chartstream.dbv.DbvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What a dbv holds, as far as progress is concerned: the sink's stored positions and its tile
 * rows, read in one go while the sink writes.
 */
public record DbvPosition(Map<TopicPartition, Long> storedOffsets, long tiles) {
  /** Nothing stored yet: no file, or the sink is creating it. */
  public static final DbvPosition EMPTY = new DbvPosition(Map.of(), 0);

  public static DbvPosition read(Path dbv) {
    if (!Files.exists(dbv)) {
      return EMPTY;
    }
    try (DbvReader reader = DbvReader.open(dbv)) {
      return new DbvPosition(reader.storedOffsets(), reader.tileCountsByLevel().values().stream().mapToLong(Long::longValue).sum());
    } catch (RuntimeException e) {
      return EMPTY; // the sink is creating the file
    }
  }

  /** Whether every record up to {@code ends} (per partition) is stored. */
  public boolean reached(Map<TopicPartition, Long> ends) {
    if (ends.isEmpty()) {
      return !storedOffsets.isEmpty();
    }
    for (var end : ends.entrySet()) {
      if (storedOffsets.getOrDefault(end.getKey(), 0L) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
