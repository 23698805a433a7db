package io.chartstream.app.progress;

import io.chartstream.dbv.DbvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What a dbv holds, as far as progress is concerned: the sink's stored positions and its tile
 * rows, read in one go while the sink writes.
 */
public record DbvPosition(Map<TopicPartition, Long> storedOffsets, Set<Long> rcls) {
  /** Nothing stored yet: no file, or the sink is creating it. */
  public static final DbvPosition EMPTY = new DbvPosition(Map.of(), Set.of());

  public static DbvPosition read(Path dbv) {
    if (!Files.exists(dbv)) {
      return EMPTY;
    }
    try (DbvReader reader = DbvReader.open(dbv)) {
      Set<Long> rcls = new HashSet<>();
      reader.tileSummaries().forEach(t -> rcls.add(t.rcl()));
      return new DbvPosition(storedOffsets(reader), rcls);
    } catch (RuntimeException e) {
      return EMPTY; // the sink is creating the file
    }
  }

  /** Only the sink's stored positions (cheaper than {@link #read}: no tile rows); empty while there are none. */
  public static DbvPosition readOffsets(Path dbv) {
    if (!Files.exists(dbv)) {
      return EMPTY;
    }
    try (DbvReader reader = DbvReader.open(dbv)) {
      return new DbvPosition(storedOffsets(reader), Set.of());
    } catch (RuntimeException e) {
      return EMPTY; // the sink is creating the file
    }
  }

  private static Map<TopicPartition, Long> storedOffsets(DbvReader reader) {
    Map<TopicPartition, Long> stored = new HashMap<>();
    reader.storedOffsets().forEach((p, offset) -> stored.put(new TopicPartition(p.topic(), p.partition()), offset));
    return stored;
  }

  public long tiles() {
    return rcls.size();
  }

  /** How many of {@code expected} RCLs have a tile. */
  public long finishedOf(Set<Long> expected) {
    return expected.stream().filter(rcls::contains).count();
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
