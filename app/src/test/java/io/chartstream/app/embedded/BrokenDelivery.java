package io.chartstream.app.embedded;

import io.chartstream.ingest.s57.BrokenCells;
import io.chartstream.ingest.s57.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every kind of broken input a delivery holds, each built from the shared cells at test time (cut,
 * random bytes, empty, text, a broken leader, a gap in an update chain, another cell's update, an
 * update without base, a CATALOG.031 box around the world, a catalogued cell missing, an S-63
 * encrypted cell, a flipped bit, a link out of the input), each in its own folder of an input.
 * No chart bytes are committed.
 */
final class BrokenDelivery {
  private static final String UNIT = "\u001f";

  /**
   * One broken input.
   *
   * @param name     the folder it is built in
   * @param deadFile the file its one dead letter names, relative to the input, or null (a cell that is simply missing)
   * @param code     that dead letter's code, or null
   * @param neverCame the chart a catalogue promised that it makes never come, or null
   */
  record Case(String name, String deadFile, String code, String neverCame) {}

  private final Path s57 = SharedData.s57();
  private final Path sets = s57.resolve("exchange-sets");
  private final Path input;
  private final Path outside;

  /** Builds into {@code input}; links out of it lead into {@code outside}. */
  BrokenDelivery(Path input, Path outside) {
    this.input = input;
    this.outside = outside;
  }

  /** Every case, by name. */
  Map<String, Case> all() throws Exception {
    Map<String, Case> cases = new LinkedHashMap<>();
    for (String name : NAMES) {
      cases.put(name, build(name));
    }
    return cases;
  }

  static final String[] NAMES = {"truncated", "noise", "empty", "text", "leader", "gap", "swapped", "orphan", "world",
      "promise", "s63", "flipped", "link"};

  /** Builds the case {@code name} into the input. */
  Case build(String name) throws Exception {
    return switch (name) {
      case "truncated" -> {
        BrokenCells.cut(s57.resolve("US5MA12M/US5MA12M.000"), input.resolve("truncated/US5MA12M.000"), 600_000);
        yield new Case(name, "truncated/US5MA12M.000", "open_failed", null);
      }
      case "noise" -> {
        byte[] noise = new byte[8192];
        new Random(42).nextBytes(noise);
        BrokenCells.write(input.resolve("noise/XX5NOISE.000"), noise);
        yield new Case(name, "noise/XX5NOISE.000", "open_failed", null);
      }
      case "empty" -> {
        BrokenCells.write(input.resolve("empty/XX5EMPTY.000"), new byte[0]);
        yield new Case(name, "empty/XX5EMPTY.000", "open_failed", null);
      }
      case "text" -> {
        BrokenCells.write(input.resolve("text/XX5TEXT1.000"), "This is a README, not a chart.\n".getBytes(StandardCharsets.UTF_8));
        yield new Case(name, "text/XX5TEXT1.000", "open_failed", null);
      }
      case "leader" -> {
        byte[] leader = Files.readAllBytes(s57.resolve("US1BS01M/US1BS01M.000"));
        Arrays.fill(leader, 0, 24, (byte) 'X');
        BrokenCells.write(input.resolve("leader/XX5LEADR.000"), leader);
        yield new Case(name, "leader/XX5LEADR.000", "open_failed", null);
      }
      case "gap" -> { // US5WA22M is still produced, at update 0
        BrokenCells.copy(s57.resolve("US5WA22M/US5WA22M.000"), input.resolve("gap/US5WA22M.000"));
        BrokenCells.copy(s57.resolve("US5WA22M/US5WA22M.002"), input.resolve("gap/US5WA22M.002"));
        yield new Case(name, "gap/US5WA22M.002", "update_out_of_sequence", null);
      }
      case "swapped" -> { // US1HA02M is still produced, at update 0
        BrokenCells.copy(s57.resolve("US1HA02M/US1HA02M.000"), input.resolve("swapped/US1HA02M.000"));
        BrokenCells.copy(s57.resolve("US4IL10M/US4IL10M.001"), input.resolve("swapped/US1HA02M.001"));
        yield new Case(name, "swapped/US1HA02M.001", "update_for_another_cell", null);
      }
      case "orphan" -> {
        BrokenCells.copy(s57.resolve("bad/US5MD12M.001"), input.resolve("orphan/US5MD12M.001"));
        yield new Case(name, "orphan/US5MD12M.001", "update_without_base", null);
      }
      case "world" -> { // US4HA23M is still produced
        Path auau = sets.resolve("US4HA23M_Auau-Channel");
        BrokenCells.copy(auau.resolve("US4HA23M/US4HA23M.000"), input.resolve("world/US4HA23M/US4HA23M.000"));
        BrokenCells.rewrite(auau.resolve("CATALOG.031"), input.resolve("world/CATALOG.031"),
            "BIN20.437519" + UNIT + "-157.049212" + UNIT + "21.292144" + UNIT + "-156.359175" + UNIT,
            "BIN-80.00000" + UNIT + "-180.000000" + UNIT + "80.000000" + UNIT + "180.0000000" + UNIT);
        yield new Case(name, "world/CATALOG.031", "catalog_box_too_large", null);
      }
      case "promise" -> { // a good exchange set, and a catalogue promising a cell over it that is not there
        Path maui = sets.resolve("US5HA24M_Maui-West-Coast");
        BrokenCells.copy(maui.resolve("CATALOG.031"), input.resolve("maui/CATALOG.031"));
        BrokenCells.copy(maui.resolve("US5HA24M/US5HA24M.000"), input.resolve("maui/US5HA24M/US5HA24M.000"));
        BrokenCells.rewrite(maui.resolve("CATALOG.031"), input.resolve("promise/CATALOG.031"),
            "US5HA24M\\US5HA24M.000", "US5HA24N\\US5HA24N.000");
        yield new Case(name, null, null, "US5HA24N");
      }
      case "s63" -> { // encrypted as S-63 does (Blowfish), listed with the encrypted file's CRC, SERIAL.ENC beside
        Path oahu = sets.resolve("US5HA57M");
        byte[] encrypted = blowfish(Files.readAllBytes(oahu.resolve("US5HA57M/US5HA57M.000")));
        BrokenCells.write(input.resolve("s63/US5HA57M/US5HA57M.000"), encrypted);
        BrokenCells.rewrite(oahu.resolve("CATALOG.031"), input.resolve("s63/CATALOG.031"), UNIT + "DF94B732" + UNIT,
            UNIT + crc(encrypted) + UNIT);
        Files.writeString(input.resolve("s63/SERIAL.ENC"), "GB000000  20260101UPDATE    02.00U01X01\n");
        yield new Case(name, "s63/US5HA57M/US5HA57M.000", "encrypted_cell", "US5HA57M");
      }
      case "flipped" -> {
        Path sf = sets.resolve("US5CA16M_ENC_ROOT");
        BrokenCells.copy(sf.resolve("CATALOG.031"), input.resolve("flipped/CATALOG.031"));
        byte[] flipped = Files.readAllBytes(sf.resolve("US5CA16M/US5CA16M.000"));
        flipped[flipped.length / 2] ^= 0x10;
        BrokenCells.write(input.resolve("flipped/US5CA16M/US5CA16M.000"), flipped);
        yield new Case(name, "flipped/US5CA16M/US5CA16M.000", "crc_mismatch", "US5CA16M");
      }
      case "link" -> {
        Path secret = Files.writeString(Files.createDirectories(outside).resolve("secret.000"), "not yours\n");
        Files.createDirectories(input.resolve("link"));
        Files.createSymbolicLink(input.resolve("link/XX5LINK1.000"), secret);
        yield new Case(name, "link/XX5LINK1.000", "outside_input", null);
      }
      default -> throw new IllegalArgumentException("no case " + name);
    };
  }

  /** The good charts beside the cases: a loose cell, and a cell with its update. */
  void goodCharts() throws IOException {
    BrokenCells.copy(s57.resolve("US1BS01M/US1BS01M.000"), input.resolve("good/US1BS01M.000"));
    BrokenCells.copy(s57.resolve("US4IL10M/US4IL10M.000"), input.resolve("chain/US4IL10M.000"));
    BrokenCells.copy(s57.resolve("US4IL10M/US4IL10M.001"), input.resolve("chain/US4IL10M.001"));
  }

  /** The cell encrypted the way S-63 does it (Blowfish, ECB), zero-padded to whole 8-byte blocks. */
  private static byte[] blowfish(byte[] cell) throws Exception {
    Cipher cipher = Cipher.getInstance("Blowfish/ECB/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec("5CELLKEY".getBytes(StandardCharsets.US_ASCII), "Blowfish"));
    return cipher.doFinal(Arrays.copyOf(cell, (cell.length + 7) / 8 * 8));
  }

  /** CRC-32 as CATALOG.031 writes it: 8 hex digits. */
  private static String crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return HexFormat.of().withUpperCase().toHexDigits((int) crc.getValue());
  }
}
