package io.chartstream.schema.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.embedded.EmbeddedKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded registry answers malformed input with a 4xx in Confluent's error shape, never a
 * 500 and never a dropped connection: bad percent-encoding, bodies that are not JSON, not objects,
 * schemas that are not Avro in every way the parser can fail, ids and versions out of range, and
 * bodies larger than any schema.
 */
class RegistryMalformedInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path workDir;

  /** A request; {@code announced} is the Content-Length sent (-1: the body's), so a huge one need not be sent. */
  record Case(String method, String path, String body, long announced) {
    Case(String method, String path, String body) {
      this(method, path, body, -1);
    }
  }

  @Test
  void everyMalformedRequestIsAFourHundred() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (String path : List.of("/subjects/%zz/versions", "/subjects/a%/versions", "/schemas/ids/%", "/subjects/x/versions/%G1",
        "/schemas/ids/99999999999", "/schemas/ids/-1", "/subjects/x/versions/0", "/subjects/x/versions/2147483648",
        "/subjects/nope/versions/latest", "/no/such/path", "/subjects/x/versions/1/schema/extra")) {
      cases.add(new Case("GET", path, null));
    }
    String subject = "/subjects/t-value/versions";
    for (String body : List.of("", "not json", "[]", "42", "null", "{}", "{\"schema\": 42}", "{\"schema\": {}}",
        "{\"schema\": \"\"}", "{\"schema\": \"nonsense\"}", "{\"schema\": \"{\\\"type\\\": \\\"record\\\"}\"}",
        "{\"schema\": \"{\\\"type\\\": \\\"fixed\\\", \\\"name\\\": \\\"f\\\", \\\"size\\\": -1}\"}",
        "{\"schema\": \"{\\\"type\\\": \\\"fixed\\\", \\\"name\\\": \\\"f\\\", \\\"size\\\": \\\"x\\\"}\"}",
        "{\"schema\": \"{\\\"type\\\": \\\"enum\\\", \\\"name\\\": \\\"e\\\", \\\"symbols\\\": [1, 2]}\"}",
        "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"r\\\", \\\"fields\\\": [{\\\"name\\\": \\\"a\\\", \\\"type\\\": \\\"int\\\", \\\"default\\\": \\\"x\\\"}]}\"}",
        "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"r\\\", \\\"fields\\\": 7}\"}",
        "{\"schema\": \"{\\\"type\\\": \\\"array\\\"}\"}", "{\"schema\": \"[\\\"int\\\", \\\"int\\\"]\"}",
        "{\"schema\": \"{\\\"type\\\": \\\"map\\\", \\\"values\\\": \\\"nosuch\\\"}\"}",
        "{\"schema\": \"\\\"int\\\"\", \"schemaType\": \"PROTOBUF\"}",
        "{\"schema\": \"\\\"int\\\"\", \"references\": [{\"name\": \"x\"}]}",
        "{\"schema\": \"" + "[".repeat(5000) + "\"}")) {
      cases.add(new Case("POST", subject, body));
      cases.add(new Case("POST", "/subjects/t-value", body));
    }
    cases.add(new Case("POST", subject, "{\"schema\": \"\\\"" + "x".repeat(2 << 20) + "\\\"\"}")); // 2 MiB
    cases.add(new Case("DELETE", "/subjects/t-value", null));
    cases.add(new Case("PUT", "/config", "{}"));

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(workDir);
         EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      List<String> wrong = new ArrayList<>();
      URI base = URI.create(registry.url());
      for (Case c : cases) {
        String[] answer;
        try {
          answer = raw(base, c);
        } catch (java.io.IOException e) {
          wrong.add(c.method() + " " + c.path() + " " + abbreviate(c.body()) + ": no answer (" + e + ")");
          continue;
        }
        int status = Integer.parseInt(answer[0]);
        boolean shaped;
        try {
          JsonNode body = JSON.readTree(answer[1]);
          shaped = body.has("error_code") && body.has("message");
        } catch (java.io.IOException e) {
          shaped = false;
        }
        // A request line the JDK's server cannot parse is refused by it, before any handler: 400, in its own words.
        boolean refusedByServer = status == 400 && answer[1].contains("Bad Request");
        if (status < 400 || status >= 500 || !(shaped || refusedByServer)) {
          wrong.add(c.method() + " " + c.path() + " " + abbreviate(c.body()) + ": " + status + " " + abbreviate(answer[1]));
        }
      }
      assertEquals(List.of(), wrong);
      // And it still works.
      HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(registry.url() + subject))
          .header("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE)
          .POST(HttpRequest.BodyPublishers.ofString("{\"schema\": \"\\\"string\\\"\"}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(ok.body().contains("\"id\""), ok.body());
    }
  }

  /** One request over a plain socket (an HTTP client refuses to send a malformed path): {status, body}. */
  private static String[] raw(URI base, Case c) throws java.io.IOException {
    byte[] body = c.body() == null ? new byte[0] : c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write((c.method() + " " + c.path() + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nContent-Type: " + RestSchemaRegistryClient.CONTENT_TYPE + "\r\nContent-Length: " + (c.announced() >= 0 ? c.announced() : body.length)
          + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      socket.shutdownOutput(); // all sent (or, with a huge length announced, all this client will send)
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!response.startsWith("HTTP/1.1 ")) {
        throw new java.io.IOException("not an HTTP answer: '" + abbreviate(response) + "'");
      }
      int split = response.indexOf("\r\n\r\n");
      String content = split < 0 ? "" : response.substring(split + 4);
      if (response.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        content = content.replaceAll("(?m)^[0-9a-fA-F]+\r$\n?", "").replace("\r\n", "");
      }
      return new String[] {response.substring(9, 12), content};
    }
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
