package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.ingest.s57.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchmarks/delivery-scale.py} end to end at N=10, as the smoke test of the benchmark: it
 * simulates the delivery, runs ogr2ogr and {@code run --once} on it, and writes its results, its
 * picture and its section of a copy of docs/BENCHMARKS.md. No figure is asserted, only that each was
 * measured, and that the run read the simulated delivery whole with no dead letter.
 */
@Tag("slow")
class DeliveryScaleSmokeTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  @TempDir Path tmp;

  @Test
  void theBenchmarkRunsAtTenCellsAndWritesItsTableAndPicture() throws Exception {
    RequiredTool.require("/usr/bin/ogr2ogr", "gdal-bin");
    requireMatplotlib();
    Path repo = ConfigDir.find().getParent();
    Path docs = tmp.resolve("BENCHMARKS.md");
    Files.copy(repo.resolve("docs/BENCHMARKS.md"), docs);
    Path work = tmp.resolve("work");
    Path png = tmp.resolve("scale.png");
    Process process = new ProcessBuilder(PYTHON.toString(), repo.resolve("benchmarks/delivery-scale.py").toString(),
        "--sizes", "10", "--from", SharedData.s57().toString(), "--work", work.toString(), "--launcher",
        launcher().toString(), "--docs", docs.toString(), "--png", png.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("bench.log").toFile()).start();
    assertTrue(process.waitFor(20, TimeUnit.MINUTES), "the benchmark did not finish in 20 minutes");
    String log = Files.readString(tmp.resolve("bench.log"));
    assertEquals(0, process.exitValue(), log);

    JsonNode result = new ObjectMapper().readTree(work.resolve("results.json").toFile()).get(0);
    assertEquals(10, result.get("cells").asInt());
    JsonNode run = result.get("run");
    assertEquals(0, run.get("exit").asInt(), log);
    assertEquals(0, run.get("deadLetters").asInt(), log);
    assertEquals(10, run.get("charts").asInt());
    assertTrue(run.get("features").asLong() > 0 && run.get("cpu").asDouble() > 0 && run.get("peakRssMb").asDouble() > 0);
    assertTrue(run.get("firstTile").asDouble() > 0 && run.get("dbvBytes").asLong() > 0);
    assertTrue(run.get("work").get("topics").has("s57.features"), run.get("work").toString());
    assertTrue(run.get("work").get("stores").size() > 0, run.get("work").toString());
    assertTrue(run.get("samples").size() > 2);
    JsonNode ogr = result.get("ogr2ogr");
    assertEquals(10, ogr.get("cells").asInt());
    assertEquals(0, ogr.get("failed").asInt());
    assertTrue(ogr.get("features").asLong() > 0 && ogr.get("cpu").asDouble() > 0);

    byte[] picture = Files.readAllBytes(png);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(picture, PNG_SIGNATURE.length), "not a PNG");
    String section = Files.readString(docs);
    assertTrue(section.matches("(?s).*<!-- delivery-scale:begin -->.*\\n\\| 10 \\| .*<!-- delivery-scale:end -->.*"), section);
  }

  /** The chartstream command on this test's class path, as the launcher would run it. */
  private Path launcher() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script = "#!/bin/sh\nexec '" + java + "' --enable-native-access=ALL-UNNAMED -cp '"
        + System.getProperty("java.class.path") + "' " + Main.class.getName() + " \"$@\"\n";
    Path launcher = tmp.resolve("chartstream");
    Files.writeString(launcher, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return launcher;
  }

  private static void requireMatplotlib() throws Exception {
    boolean available = Files.isExecutable(PYTHON)
        && new ProcessBuilder(PYTHON.toString(), "-c", "import matplotlib").start().waitFor() == 0;
    if (!available) {
      String message = "matplotlib is missing: apt-get install python3-matplotlib (./chartstream test installs it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }
}
