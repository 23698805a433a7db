package io.chartstream.ingest.s57;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CatalogWriter} refuses what ISO 8211 cannot hold instead of writing a catalogue that reads
 * wrong; what it writes, {@link CatalogReader} reads back (the simulator's tests check its
 * catalogues with an independent parse in Python).
 */
class CatalogWriterTest {
  @TempDir Path tmp;

  @Test
  void aWrittenCatalogueReadsBackWithItsOwnEntryFirst() throws Exception {
    Path catalog = tmp.resolve("CATALOG.031");
    try (CatalogWriter writer = new CatalogWriter(Files.newOutputStream(catalog), "V01X01")) {
      writer.add(new CatalogEntry("US5AB12C\\US5AB12C.000", "Läna‘i harbour", "", "BIN", -12.5, 170.25, -12.0000001,
          170.75, CatalogWriter.crcText(0x560AAE2L), ""));
    }
    List<CatalogEntry> entries = CatalogReader.read(catalog);
    assertEquals(2, entries.size());
    assertEquals("CATALOG.031", entries.getFirst().file());
    CatalogEntry cell = entries.get(1);
    assertTrue(cell.isCell());
    assertEquals("0560AAE2", cell.crc());
    assertEquals(-12.0000001, cell.northLatitude());
    assertEquals(170.25, cell.westLongitude());
    assertEquals("Läna?i harbour", cell.longFile(), "a character outside ISO 8859-1 becomes '?'");
    assertEquals("V01X01", cell.volume());
  }

  @Test
  void whatIso8211CannotHoldIsRefused() throws Exception {
    CatalogWriter writer = new CatalogWriter(new ByteArrayOutputStream(), "V01X01");
    assertThrows(IllegalArgumentException.class, () -> writer.add(new CatalogEntry("A\u001fB.000", "", "", "BIN",
        null, null, null, null, "", "")));
    assertThrows(IllegalArgumentException.class, () -> writer.add(new CatalogEntry("A.000", "", "", "BINARY",
        null, null, null, null, "", "")));
    assertThrows(IllegalArgumentException.class, () -> writer.add(new CatalogEntry("A.000", "x".repeat(100_000), "",
        "BIN", null, null, null, null, "", "")));
  }
}
