package io.chartstream.ingest.s57;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells an S-63 encrypted cell from a broken one. S-63 exchange sets list their cells in a plain
 * CATALOG.031 (with the CRC of the encrypted file), but each cell is the S-57 file compressed and
 * encrypted with Blowfish: no ISO 8211 leader, a length that is a whole number of 8-byte blocks.
 * A catalogued cell with both, whose bytes are the ones catalogued, is one; GDAL cannot read it,
 * and the chart producer needs to know it was delivered encrypted, not that it is damaged.
 */
public final class EncryptedCell {
  private static final int BLOWFISH_BLOCK = 8;

  private EncryptedCell() {}

  /**
   * Why {@code cell} looks like an S-63 encrypted cell, or empty when it does not. Call it for a
   * catalogued cell that GDAL could not open and whose CRC matched the catalogue.
   *
   * @param exchangeSetRoot the folder of the CATALOG.031 that lists it
   */
  public static Optional<String> reason(Path cell, Path exchangeSetRoot) {
    long size;
    byte[] head;
    try (InputStream in = Files.newInputStream(cell)) {
      size = Files.size(cell);
      head = in.readNBytes(Iso8211Reader.LEADER_LENGTH);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (size == 0 || size % BLOWFISH_BLOCK != 0 || isLeader(head)) {
      return Optional.empty();
    }
    boolean serial = exchangeSetRoot != null && (Files.exists(exchangeSetRoot.resolve("SERIAL.ENC"))
        || (exchangeSetRoot.getParent() != null && Files.exists(exchangeSetRoot.getParent().resolve("SERIAL.ENC"))));
    return Optional.of("an S-63 encrypted cell: not ISO 8211 (no record leader), " + size + " bytes (whole 8-byte blocks),"
        + " and the bytes CATALOG.031 lists" + (serial ? ", in an exchange set with SERIAL.ENC" : "")
        + ". chartstream reads unencrypted S-57: decrypt the exchange set with its S-63 permits and deliver the S-57 cells");
  }

  /** A data descriptive record's leader: a five-digit record length, then interchange level and leader identifier 'L'. */
  private static boolean isLeader(byte[] head) {
    if (head.length < 7) {
      return false;
    }
    for (int i = 0; i < 5; i++) {
      if (head[i] < '0' || head[i] > '9') {
        return false;
      }
    }
    return head[6] == 'L';
  }
}
