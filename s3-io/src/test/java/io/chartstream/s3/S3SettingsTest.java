package io.chartstream.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
  @Test
  void parsesBucketAndKeyWithDefaults() {
    S3Settings settings = S3Settings.parse("s3://charts.example/dbv/pacific/out.dbv");
    assertEquals("charts.example", settings.bucket());
    assertEquals("dbv/pacific/out.dbv", settings.key());
    assertEquals("us-east-1", settings.region());
    assertTrue(settings.pathStyle());
    assertEquals(ChecksumPolicy.WHEN_REQUIRED, settings.checksumPolicy());
    assertTrue(settings.endpointOverride().isEmpty());
    assertTrue(settings.staticCredentials().isEmpty());
    assertEquals("dbv/pacific/out.dbv", settings.objectKey("other.dbv"));
    assertEquals("s3://charts.example/dbv/pacific/out.dbv", settings.location());
  }

  @Test
  void prefixGetsTheFileName() {
    assertEquals("dbv/out.dbv", S3Settings.parse("s3://b/dbv/").objectKey("out.dbv"));
    assertEquals("out.dbv", S3Settings.parse("s3://b").objectKey("out.dbv"));
    assertEquals("out.dbv", S3Settings.parse("s3://b/").objectKey("out.dbv"));
  }

  @Test
  void optionsAreConfigurable() {
    S3Settings settings = S3Settings.parse("s3://b/k.dbv")
        .withEndpoint(URI.create("http://127.0.0.1:9000"))
        .withRegion("eu-west-1")
        .withPathStyle(false)
        .withChecksumPolicy(ChecksumPolicy.WHEN_SUPPORTED);
    assertEquals(URI.create("http://127.0.0.1:9000"), settings.endpointOverride().orElseThrow());
    assertEquals("eu-west-1", settings.region());
    assertFalse(settings.pathStyle());
    assertEquals(ChecksumPolicy.WHEN_SUPPORTED, settings.checksumPolicy());
  }

  @Test
  void toStringNeverShowsTheSecret() {
    S3Settings settings = S3Settings.parse("s3://b/k.dbv")
        .withCredentials(new S3Settings.StaticCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG"));
    assertFalse(settings.toString().contains("wJalrXUtnFEMI"), settings.toString());
    assertTrue(settings.toString().contains("AKIDEXAMPLE"));
  }

  @Test
  void rejectsWhatIsNotAnS3Location() {
    assertThrows(IllegalArgumentException.class, () -> S3Settings.parse("https://b/k"));
    assertThrows(IllegalArgumentException.class, () -> S3Settings.parse("s3:///k"));
    assertThrows(IllegalArgumentException.class, () -> S3Settings.parse("not a uri"));
  }
}
