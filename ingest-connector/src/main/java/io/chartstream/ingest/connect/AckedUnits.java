package io.chartstream.ingest.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units of work whose last record Kafka has acknowledged, written down at once. A standalone
 * Connect worker stores source offsets only every {@code offset.flush.interval.ms}: a crash in
 * between makes the next start read again the chart versions whose records all arrived. Recorded
 * here the moment the last record of a unit is acknowledged ({@link S57SourceTask#commitRecord}),
 * one line per unit forced to disk, such a version is read again only if the crash falls between
 * that acknowledgement and this write (well under a millisecond).
 *
 * <p>One file per task ({@code task-N.acked}) in a directory of the worker's; on open every file
 * there is read (tasks may have owned other partitions before a change of {@code tasks.max}) and
 * the newest value of each partition kept. Lines: {@code sequence TAB partition TAB value}, with
 * tabs, newlines and backslashes escaped. Thread-safe.
 */
final class AckedUnits implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(AckedUnits.class);
  /** Compact this task's file at open when it is larger than this. */
  private static final long COMPACT_BYTES = 4L << 20;

  private final Map<Map<String, String>, String> done;
  private final FileChannel file;
  private long sequence;

  private AckedUnits(Map<Map<String, String>, String> done, FileChannel file, long sequence) {
    this.done = done;
    this.file = file;
    this.sequence = sequence;
  }

  /** Reads every task's file in {@code dir} and opens task {@code taskIndex}'s for appending. */
  static AckedUnits open(Path dir, int taskIndex) {
    try {
      Files.createDirectories(dir);
      Map<Map<String, String>, Long> newest = new HashMap<>();
      Map<Map<String, String>, String> done = new HashMap<>();
      long sequence = 0;
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".acked")).toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", -1);
            if (parts.length != 3) {
              continue; // a line cut short by a crash
            }
            long seq;
            try {
              seq = Long.parseLong(parts[0]);
            } catch (NumberFormatException e) {
              continue;
            }
            Map<String, String> partition = partition(unescape(parts[1]));
            if (seq >= newest.getOrDefault(partition, Long.MIN_VALUE)) {
              newest.put(partition, seq);
              done.put(partition, unescape(parts[2]));
            }
            sequence = Math.max(sequence, seq);
          }
        }
      }
      Path own = dir.resolve("task-" + taskIndex + ".acked");
      if (Files.exists(own) && Files.size(own) > COMPACT_BYTES) {
        compact(own, done, newest);
      }
      FileChannel channel = FileChannel.open(own, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      LOGGER.info("{}: {} units acknowledged before", dir, done.size());
      return new AckedUnits(done, channel, sequence);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the acknowledged units in " + dir, e);
    }
  }

  /** The value recorded for {@code partition}, or null. */
  synchronized String done(Map<String, String> partition) {
    return done.get(partition);
  }

  /** Records that the unit of {@code partition} with {@code value} was acknowledged; never throws. */
  synchronized void record(Map<String, String> partition, String value) {
    done.put(partition, value);
    String line = (++sequence) + "\t" + escape(serialize(partition)) + "\t" + escape(value) + "\n";
    try {
      file.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      file.force(false);
    } catch (IOException e) {
      LOGGER.warn("Cannot record an acknowledged unit ({}); Connect's offsets still will", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    try {
      file.close();
    } catch (IOException e) {
      LOGGER.debug("Closing the acknowledged units", e);
    }
  }

  /** Rewrites {@code own} with the newest line of every partition. */
  private static void compact(Path own, Map<Map<String, String>, String> done, Map<Map<String, String>, Long> newest) throws IOException {
    StringBuilder out = new StringBuilder();
    for (var e : done.entrySet()) {
      out.append(newest.get(e.getKey())).append('\t').append(escape(serialize(e.getKey()))).append('\t').append(escape(e.getValue())).append('\n');
    }
    Path tmp = own.resolveSibling(own.getFileName() + ".tmp");
    Files.writeString(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, own, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** A source partition (one key, as every partition of the connector has) as {@code key=value}. */
  private static String serialize(Map<String, String> partition) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(partition).forEach((k, v) -> s.append(s.isEmpty() ? "" : "\u0000").append(k).append('=').append(v));
    return s.toString();
  }

  private static Map<String, String> partition(String text) {
    Map<String, String> partition = new HashMap<>();
    for (String pair : List.of(text.split("\u0000"))) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        partition.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return Map.copyOf(partition);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char n = text.charAt(++i);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
