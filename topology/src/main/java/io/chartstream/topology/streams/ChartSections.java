package io.chartstream.topology.streams;

import io.chartstream.schema.avro.internal.AttributeEntry;
import io.chartstream.schema.avro.internal.PieceBody;
import io.chartstream.schema.avro.internal.PlacedPieces;
import io.chartstream.schema.avro.internal.SectionPart;
import io.chartstream.schema.tile.SectionWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sections a chart version sends when it ends: for each RCL it changed, every piece the chart
 * has there, from its features' stored pieces in key order (LNAM, occurrence), so the RCL
 * replaces what it held of the chart and an updated chart gives the bytes of a clean run of its
 * last version.
 *
 * <p>Size rule: a section is cut into parts. A part is closed once it holds
 * {@value #PART_BYTES} bytes, so a part is at most that plus one piece (the largest piece of the
 * shared cells is about 50 KB), and what one chart keeps in memory here is at most a part per RCL
 * it changed; a chart's pieces in an RCL are one record on the repartition topic and one in
 * store {@code rcl-sections} per part, however many features they hold. Not thread-safe.
 */
final class ChartSections {
  /** Bytes after which a part is closed. */
  static final int PART_BYTES = 256 * 1024;

  /** Where parts go: the RCL and its part. */
  interface Sink {
    void send(long rcl, SectionPart part);
  }

  private final String chartId;
  private final String revision;
  private final Set<Long> rcls;
  private final Sink sink;
  private final int partBytes;
  private final Map<Long, SectionWriter> open = new TreeMap<>();
  private final Map<Long, Integer> partsSent = new HashMap<>();
  private final Map<Long, Integer> pieces = new HashMap<>();

  /** Sections of chart version {@code revision} for the RCLs {@code rcls}, parts of {@code partBytes}. */
  ChartSections(String chartId, String revision, Set<Long> rcls, Sink sink, int partBytes) {
    this.chartId = chartId;
    this.revision = revision;
    this.rcls = rcls;
    this.sink = sink;
    this.partBytes = partBytes;
  }

  /** Adds a feature's pieces in the RCLs being built; features come in key order. */
  void add(String lnam, PlacedPieces placed) {
    List<SectionWriter.Attribute> attributes = new ArrayList<>(placed.getAttributes().size());
    for (AttributeEntry a : placed.getAttributes()) {
      attributes.add(new SectionWriter.Attribute(a.getKey(), a.getValue()));
    }
    for (PieceBody piece : placed.getPieces()) {
      long rcl = piece.getRcl();
      if (!rcls.contains(rcl)) {
        continue;
      }
      SectionWriter writer = open.computeIfAbsent(rcl, r -> new SectionWriter(chartId));
      writer.add(lnam, placed.getObjectClass(), placed.getPrimitive(), attributes, piece.getStyle(), piece.getBody(),
          placed.getRevision(), placed.getFeatureIndex());
      pieces.merge(rcl, 1, Integer::sum);
      if (writer.size() >= partBytes) {
        send(rcl, writer, false);
        open.remove(rcl);
      }
    }
  }

  /** Sends the last part of every RCL, an empty one where the chart has no piece (any more). */
  void finish() {
    for (long rcl : rcls) {
      SectionWriter writer = open.remove(rcl);
      send(rcl, writer == null ? new SectionWriter(chartId) : writer, true);
    }
  }

  /** The pieces the chart has in {@code rcl}, once {@link #finish} ran. */
  int pieces(long rcl) {
    return pieces.getOrDefault(rcl, 0);
  }

  private void send(long rcl, SectionWriter writer, boolean last) {
    SectionWriter.Section section = writer.finish();
    int part = partsSent.merge(rcl, 1, Integer::sum) - 1;
    sink.send(rcl, new SectionPart(chartId, revision, part, last, section.features(), ByteBuffer.wrap(section.contentDigest()),
        ByteBuffer.wrap(section.bytes())));
  }
}
