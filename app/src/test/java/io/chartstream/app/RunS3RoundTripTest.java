package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.dbv.DbvChart;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.s3.DbvSnapshotPublisher;
import io.chartstream.ingest.s57.GdalOracle;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.s3.LocalS3;
import io.chartstream.s3.S3ClientFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * S3 in and out as a user runs it, against S3Proxy: real cells (a loose cell and an exchange set)
 * in a bucket, {@code run --input s3://… --once --publish s3://…}, and the snapshot taken back out
 * of the bucket checked with {@link DbvReader}, the {@code sqlite3} command line and
 * {@code sha256sum}, and {@code inspect}'s feature counts per chart against GDAL's; then
 * {@code publish} on demand, and its errors.
 */
class RunS3RoundTripTest {
  @TempDir Path workDir;

  @Test
  void runReadsCellsFromABucketAndPublishesTheDbvToIt() throws Exception {
    Path s57 = SharedData.s57();
    String previousKey = System.getProperty("aws.accessKeyId");
    String previousSecret = System.getProperty("aws.secretAccessKey");
    // The command line takes credentials from the SDK's default chain only; system properties are part of it.
    System.setProperty("aws.accessKeyId", LocalS3.CREDENTIALS.accessKeyId());
    System.setProperty("aws.secretAccessKey", LocalS3.CREDENTIALS.secretAccessKey());
    try (LocalS3 s3 = LocalS3.start(); S3Client client = S3ClientFactory.create(s3.settings("charts", ""))) {
      s3.createBucket("charts");
      put(client, "enc/US1BS01M/US1BS01M.000", s57.resolve("US1BS01M/US1BS01M.000"));
      Path exchangeSet = s57.resolve("exchange-sets/US5HA24M_Maui-West-Coast");
      try (Stream<Path> files = Files.walk(exchangeSet)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          put(client, "enc/maui/" + exchangeSet.relativize(file).toString().replace('\\', '/'), file);
        }
      }
      Path dbv = workDir.resolve("out.dbv");
      String endpoint = s3.endpoint().toString();
      assertEquals(0, chartstream("run", "--input", "s3://charts/enc", "--dbv", dbv.toString(), "--work-dir",
          workDir.resolve("work").toString(), "--once", "--config-dir", ConfigDir.find().toString(),
          "--s3-endpoint", endpoint, "--publish", "s3://charts/published/out.dbv", "--quiet"));

      // Per chart: features read and with geometry against GDAL's own count; all with geometry are placed.
      JsonNode summary = new ObjectMapper().readTree(stdout("inspect", dbv.toString(), "--json"));
      Map<String, Path> cells = Map.of("US1BS01M", s57.resolve("US1BS01M/US1BS01M.000"),
          "US5HA24M", exchangeSet.resolve("US5HA24M/US5HA24M.000"));
      assertEquals(2, summary.get("charts").size(), summary.toString());
      for (JsonNode chart : summary.get("charts")) {
        Path cell = cells.get(chart.get("name").asText());
        int featuresIn = GdalOracle.featureCounts(cell).values().stream().mapToInt(Integer::intValue).sum() - 1; // DSID
        int withGeometry = GdalOracle.featuresWithGeometry(cell);
        assertEquals(featuresIn, chart.get("featuresIn").asInt(), chart.toString());
        assertEquals(withGeometry, chart.get("featuresWithGeometry").asInt(), chart.toString());
        assertEquals(withGeometry, chart.get("featuresPlaced").asInt(), chart.toString());
      }

      Path downloaded = workDir.resolve("downloaded.dbv");
      client.getObject(b -> b.bucket("charts").key("published/out.dbv"), downloaded);
      Set<String> charts = new TreeSet<>();
      long tiles;
      try (DbvReader reader = DbvReader.open(downloaded)) {
        reader.charts().stream().map(DbvChart::chartId).forEach(charts::add);
        tiles = reader.tileCountsByLevel().values().stream().mapToLong(Long::longValue).sum();
      }
      assertEquals(Set.of("US1BS01M", "US5HA24M"), charts);
      assertTrue(tiles > 0, "tiles: " + tiles);
      assertEquals("ok", command("sqlite3", downloaded.toString(), "pragma integrity_check"));
      assertEquals(String.valueOf(tiles), command("sqlite3", downloaded.toString(), "select count(*) from tiles"));
      assertEquals("US1BS01M\nUS5HA24M", command("sqlite3", downloaded.toString(), "select distinct chart_id from charts order by 1"));
      assertEquals(summary.get("charts").get(0).get("featuresIn").asText(),
          command("sqlite3", downloaded.toString(), "select features_in from charts where chart_id = 'US1BS01M'"));
      HeadObjectResponse head = client.headObject(b -> b.bucket("charts").key("published/out.dbv"));
      assertEquals(command("sha256sum", downloaded.toString()).split(" ")[0], head.metadata().get(DbvSnapshotPublisher.SHA256_METADATA));

      // On demand, to a prefix: the object gets the dbv's name.
      assertEquals(0, chartstream("publish", "--dbv", dbv.toString(), "s3://charts/again/", "--s3-endpoint", endpoint));
      assertEquals(Files.size(downloaded), client.headObject(b -> b.bucket("charts").key("again/out.dbv")).contentLength());
      String error = stderr("publish", "--dbv", dbv.toString(), "s3://no-such-bucket/x.dbv", "--s3-endpoint", endpoint);
      // S3Proxy may answer NoSuchBucket or drop the connection mid-upload; either way the target is named.
      assertTrue(error.contains("cannot publish dbv snapshot to s3://no-such-bucket/x.dbv"), error);
      assertTrue(stderr("run", "--input", workDir.resolve("missing").toString(), "--work-dir", workDir.resolve("w2").toString())
          .contains("is not a directory"));
    } finally {
      restore("aws.accessKeyId", previousKey);
      restore("aws.secretAccessKey", previousSecret);
    }
  }

  private static void put(S3Client client, String key, Path file) {
    client.putObject(b -> b.bucket("charts").key(key), RequestBody.fromFile(file));
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  private static int chartstream(String... args) {
    return LauncherRun.of(args).exit();
  }

  private static String stdout(String... args) {
    return LauncherRun.stdoutOf(args);
  }

  private static String stderr(String... args) {
    return LauncherRun.stderrOf(args);
  }

  private static String command(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
