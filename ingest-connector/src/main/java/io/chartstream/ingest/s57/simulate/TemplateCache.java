package io.chartstream.ingest.s57.simulate;

import io.chartstream.ingest.s57.S57FormatException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The templates of recently copied source files, least recently used dropped first once they hold
 * more than a byte budget: a delivery's memory is bounded by the budget and the largest source
 * file, never by how many copies it makes. With the few source cells a simulation usually starts
 * from, every template is read once.
 */
final class TemplateCache {
  private final long budgetBytes;
  private final Map<Path, CellTemplate> templates = new LinkedHashMap<>(16, 0.75f, true);
  private long heldBytes;
  private long reads;

  TemplateCache(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  CellTemplate get(Path file) throws S57FormatException {
    CellTemplate template = templates.get(file);
    if (template == null) {
      template = CellTemplate.read(file);
      reads++;
      templates.put(file, template);
      heldBytes += template.footprint();
      Iterator<CellTemplate> oldest = templates.values().iterator();
      while (heldBytes > budgetBytes && templates.size() > 1) {
        heldBytes -= oldest.next().footprint();
        oldest.remove();
      }
    }
    return template;
  }

  /** How many times a file was read (and parsed): a measure of the budget's fit. */
  long reads() {
    return reads;
  }
}
