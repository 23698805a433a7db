package io.chartstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chartstream.dbv.DbvChart;
import io.chartstream.dbv.DbvReader;
import io.chartstream.schema.avro.SectionFeature;
import io.chartstream.schema.avro.TileSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chartstream inspect FILE.dbv [--json]}: what a dbv holds — charts and versions with the
 * features read, with geometry and placed in tiles, tiles per level, features per object class,
 * the share of placed features with a non-fallback S-52 style.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Summarise a dbv: charts, tiles per level, features per class.")
final class InspectCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The dbv file.")
  Path file;

  @Option(names = "--json", description = "One JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      System.err.println("chartstream inspect: no such file " + file);
      return 2;
    }
    try (DbvReader reader = DbvReader.open(file)) {
      // A feature is its chart, the version that placed it and its index there: an update leaves
      // the pieces of features it does not change as their version placed them.
      Map<String, Set<String>> placed = new TreeMap<>();
      Map<String, Integer> byClass = new TreeMap<>();
      Set<String> styled = new HashSet<>();
      Set<String> all = new HashSet<>();
      // Straight from the sections' tables: no piece's geometry is decoded.
      reader.tiles(tile -> {
        for (TileSection section : tile.getSections()) {
          List<SectionFeature> features = section.getFeatures();
          for (int i = 0; i < features.size(); i++) {
            SectionFeature f = features.get(i);
            String id = section.getChartId() + "#" + section.getRevisions().get(section.getProvenance().get(2 * i))
                + "#" + section.getProvenance().get(2 * i + 1);
            if (all.add(id)) {
              byClass.merge(section.getObjectClasses().get(f.getObjectClass()).getAcronym(), 1, Integer::sum);
            }
            placed.computeIfAbsent(section.getChartId(), c -> new HashSet<>()).add(id);
            if (f.getStyle() >= 0 && !section.getStyles().get(f.getStyle()).getFallback()) {
              styled.add(id);
            }
          }
        }
      });
      List<Map<String, Object>> charts = new ArrayList<>();
      Map<String, DbvChart> latest = new HashMap<>();
      for (DbvChart chart : reader.charts()) {
        DbvChart seen = latest.get(chart.chartId());
        if (seen == null || chart.revision().compareTo(seen.revision()) > 0) {
          latest.put(chart.chartId(), chart);
        }
      }
      for (DbvChart chart : new TreeMap<>(latest).values()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", chart.chartId());
        c.put("edition", chart.edition());
        c.put("update", chart.updateNumber());
        c.put("revision", chart.revision());
        // Null for a chart known only from CATALOG.031, or a dbv written before the counts were stored.
        c.put("featuresIn", chart.featuresIn());
        c.put("featuresWithGeometry", chart.featuresWithGeometry());
        c.put("featuresPlaced", placed.getOrDefault(chart.chartId(), Set.of()).size());
        charts.add(c);
      }
      Map<String, Long> byLevel = new LinkedHashMap<>();
      reader.tileCountsByLevel().forEach((level, n) -> byLevel.put(String.valueOf(level), n));
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("file", file.toAbsolutePath().toString());
      summary.put("charts", charts);
      summary.put("tiles", Map.of("total", byLevel.values().stream().mapToLong(Long::longValue).sum(), "byLevel", byLevel));
      summary.put("featuresByClass", byClass);
      summary.put("styledShare", all.isEmpty() ? 0.0 : (double) styled.size() / all.size());
      if (json) {
        System.out.println(new ObjectMapper().writeValueAsString(summary));
      } else {
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
      }
    }
    return 0;
  }
}
