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
 * changed file is. About 2 ms for a 3 MB cell.
 *
 * <p>A file that uses ISO 8211 leader reuse (a data record with leader identifier {@code R}, after
 * which records have no leader) cannot be walked, and reads as not known complete; S-57 does not
 * use it.
 */
public final class Iso8211Completeness {
  private static final int LEADER_LENGTH = Iso8211Reader.LEADER_LENGTH;
  /** The leader's byte that says what the record is: {@code L} for the DDR, {@code D} for a data record. */
  private static final int LEADER_IDENTIFIER = 6;
  private static final byte FIELD_TERMINATOR = Iso8211Reader.FIELD_TERMINATOR;
  private static final long MAX_BYTES = 64L << 20;

  private Iso8211Completeness() {}

  /**
   * Whether {@code file} is a whole ISO 8211 file: a DDR and at least one data record, the last
   * ending at the end of the file. False for anything else, including a file that cannot be read
   * and one larger than {@value #MAX_BYTES} bytes (S-57 cells are at most 5 MB).
   */
  public static boolean isComplete(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 2 * LEADER_LENGTH || size > MAX_BYTES) {
        return false;
      }
      // One read of the whole file: walking the leaders with a read each took ten times as long.
      ByteBuffer content = ByteBuffer.allocate((int) size);
      if (!readFully(channel, content, 0)) {
        return false; // shorter than its size a moment ago: still being written
      }
      return isComplete(content.array(), (int) size);
    } catch (IOException e) {
      return false; // vanished or unreadable: the scan's settle rule decides
    }
  }

  private static boolean isComplete(byte[] content, int size) {
    int position = 0;
    int records = 0;
    while (position < size) {
      if (size - position < LEADER_LENGTH) {
        return false;
      }
      long length = recordLength(content, position);
      char identifier = (char) content[position + LEADER_IDENTIFIER];
      boolean expected = records == 0 ? identifier == 'L' : identifier == 'D';
      if (length < LEADER_LENGTH || !expected || position + length > size
          || content[(int) (position + length - 1)] != FIELD_TERMINATOR) {
        return false;
      }
      position += (int) length;
      records++;
    }
    return records >= 2;
  }

  /** The record length in the first five bytes of a leader (ASCII digits), or -1 when they are not digits. */
  private static long recordLength(byte[] content, int leader) {
    long length = 0;
    for (int i = leader; i < leader + 5; i++) {
      byte digit = content[i];
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
