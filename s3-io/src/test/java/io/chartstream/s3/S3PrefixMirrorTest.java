package io.chartstream.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.s3.S3PrefixMirror.MirrorSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The mirror against S3Proxy: layout, change detection, removal, restart, and one bad object among good ones. */
class S3PrefixMirrorTest {
  private static LocalS3 s3;
  private static S3Client client;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = LocalS3.start();
    client = S3ClientFactory.create(s3.settings("any", ""));
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    s3.close();
  }

  private static void put(String bucket, String key, String body) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  @Test
  void mirrorsTheKeyLayoutAndFollowsNewChangedAndDeletedObjects() throws Exception {
    s3.createBucket("layout");
    put("layout", "charts/ENC_ROOT/CATALOG.031", "catalogue");
    put("layout", "charts/ENC_ROOT/US1/US1BS01M.000", "cell");
    put("layout", "other/US9XX99M.000", "outside the prefix");
    Path root = dir.resolve("mirror");
    try (S3PrefixMirror mirror = S3PrefixMirror.open(s3.settings("layout", "charts"), root)) {
      MirrorSync first = mirror.sync();
      assertEquals(List.of("charts/ENC_ROOT/CATALOG.031", "charts/ENC_ROOT/US1/US1BS01M.000"),
          first.downloaded().stream().sorted().toList());
      assertEquals("cell", Files.readString(root.resolve("ENC_ROOT/US1/US1BS01M.000")));
      assertFalse(Files.exists(root.resolve("US9XX99M.000")));

      assertEquals(List.of(), mirror.sync().downloaded(), "unchanged objects are not downloaded again");

      put("layout", "charts/ENC_ROOT/US1/US1BS01M.001", "update");
      put("layout", "charts/ENC_ROOT/CATALOG.031", "catalogue, second edition");
      MirrorSync second = mirror.sync();
      assertEquals(List.of("charts/ENC_ROOT/CATALOG.031", "charts/ENC_ROOT/US1/US1BS01M.001"),
          second.downloaded().stream().sorted().toList());
      assertEquals("catalogue, second edition", Files.readString(root.resolve("ENC_ROOT/CATALOG.031")));

      client.deleteObject(b -> b.bucket("layout").key("charts/ENC_ROOT/US1/US1BS01M.001"));
      assertEquals(List.of("charts/ENC_ROOT/US1/US1BS01M.001"), mirror.sync().removed());
      assertFalse(Files.exists(root.resolve("ENC_ROOT/US1/US1BS01M.001")));
    }
    try (S3PrefixMirror restarted = S3PrefixMirror.open(s3.settings("layout", "charts/"), root)) {
      MirrorSync sync = restarted.sync();
      assertEquals(List.of(), sync.downloaded(), "a restart adopts the files it left (same size and LastModified)");
      assertEquals(2, sync.listed());
    }
  }

  @Test
  void oneObjectThatCannotBePlacedIsNamedAndTheOthersAreMirrored() throws Exception {
    s3.createBucket("conflict");
    // "a/US1" is an object and also a "directory" of another key: no file system holds both.
    put("conflict", "a/US1", "a file");
    put("conflict", "a/US1/US1BS01M.000", "a cell below it");
    put("conflict", "b/US5HA24M.000", "fine");
    try (S3PrefixMirror mirror = S3PrefixMirror.open(s3.settings("conflict", ""), dir)) {
      MirrorSync sync = mirror.sync();
      assertEquals(1, sync.failures().size(), sync.toString());
      assertEquals("a/US1/US1BS01M.000", sync.failures().getFirst().key());
      assertArrayEquals("fine".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("b/US5HA24M.000")));
      assertTrue(Files.isRegularFile(dir.resolve("a/US1")));
    }
  }

  @Test
  void keysThatLeadOutsideThePrefixAreRefusedUnread() throws Exception {
    s3.createBucket("escape");
    put("escape", "in/../../escaped.000", "outside");
    put("escape", "in/a/../../escaped-too.000", "outside");
    put("escape", "in//etc/absolute.000", "outside");
    put("escape", "in/ok/US5HA24M.000", "fine");
    Path root = dir.resolve("mirror/task-0");
    try (S3PrefixMirror mirror = S3PrefixMirror.open(s3.settings("escape", "in"), root)) {
      MirrorSync sync = mirror.sync();
      assertEquals(List.of("in/../../escaped.000", "in//etc/absolute.000", "in/a/../../escaped-too.000"),
          sync.failures().stream().map(S3PrefixMirror.ObjectFailure::key).sorted().toList(), sync.toString());
      assertTrue(sync.failures().stream().allMatch(S3PrefixMirror.ObjectFailure::outside), sync.toString());
      assertEquals(List.of("in/ok/US5HA24M.000"), sync.downloaded());
    }
    try (var files = Files.walk(dir)) {
      assertEquals(List.of(root.resolve("ok/US5HA24M.000")), files.filter(Files::isRegularFile).toList(),
          "nothing written outside the mirror, nothing but the one object inside");
    }
  }

  @Test
  void aListingFailureNamesTheLocationAndNeverTheSecret() {
    String secret = "not-the-secret-" + System.nanoTime();
    S3Settings wrong = s3.settings("layout", "charts")
        .withCredentials(new S3Settings.StaticCredentials(LocalS3.CREDENTIALS.accessKeyId(), secret));
    try (S3PrefixMirror mirror = S3PrefixMirror.open(wrong, dir)) {
      S3MirrorException e = assertThrows(S3MirrorException.class, mirror::sync);
      assertTrue(e.getMessage().contains("s3://layout/charts/"), e.getMessage());
      assertFalse(e.getMessage().contains(secret), e.getMessage());
      assertFalse(wrong.toString().contains(secret), wrong.toString());
    }
    try (S3PrefixMirror mirror = S3PrefixMirror.open(s3.settings("no-such-bucket", "x/"), dir)) {
      S3MirrorException e = assertThrows(S3MirrorException.class, mirror::sync);
      assertTrue(e.getMessage().contains("s3://no-such-bucket/x/") && e.getMessage().contains("NoSuchBucket"), e.getMessage());
    }
  }
}
