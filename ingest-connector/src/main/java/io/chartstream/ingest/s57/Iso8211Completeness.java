package io.chartstream.ingest.s57;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether an ISO/IEC 8211 file (an S-57 cell, update or {@code CATALOG.031}) has all its
 * records: it starts with a data descriptive record, and walking the record lengths its leaders
 * give ends exactly at the end of the file, each record ending in a field terminator.
 *
 * <p>This lets the input scan take a file the moment its copy is over instead of after a fixed
 * quiet period: a file still being copied almost never ends exactly where a record does. Should
 * a copy stall at such a point, the file is read as it is and read again when it changes, as any
 * changed file is. Only the leaders are read (24 bytes per record).
 *
 * <p>A file that uses ISO 8211 leader reuse (a data record with leader identifier {@code R}, after
 * which records have no leader) cannot be walked, and reads as not known complete; S-57 does not
 * use it.
 */
public final class Iso8211Completeness {
  private static final int LEADER_LENGTH = 24;
  private static final int LEADER_IDENTIFIER = 6;
  private static final byte FIELD_TERMINATOR = 0x1E;

  private Iso8211Completeness() {}

  /**
   * Whether {@code file} is a whole ISO 8211 file: a DDR and at least one data record, the last
   * ending at the end of the file. False for anything else, including a file that cannot be read.
   */
  public static boolean isComplete(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer leader = ByteBuffer.allocate(LEADER_LENGTH);
      ByteBuffer last = ByteBuffer.allocate(1);
      long position = 0;
      int records = 0;
      while (position < size) {
        if (size - position < LEADER_LENGTH || !readFully(channel, leader.clear(), position)) {
          return false;
        }
        long length = recordLength(leader);
        char identifier = (char) leader.get(LEADER_IDENTIFIER);
        boolean expected = records == 0 ? identifier == 'L' : identifier == 'D';
        if (length < LEADER_LENGTH || !expected || position + length > size
            || !readFully(channel, last.clear(), position + length - 1) || last.get(0) != FIELD_TERMINATOR) {
          return false;
        }
        position += length;
        records++;
      }
      return records >= 2;
    } catch (IOException e) {
      return false; // vanished or unreadable: the scan's settle rule decides
    }
  }

  /** The record length in a leader's first five bytes (ASCII digits), or -1 when they are not digits. */
  private static long recordLength(ByteBuffer leader) {
    long length = 0;
    for (int i = 0; i < 5; i++) {
      byte digit = leader.get(i);
      if (digit < '0' || digit > '9') {
        return -1;
      }
      length = length * 10 + (digit - '0');
    }
    return length;
  }

  private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        return false;
      }
    }
    return true;
  }
}
