package io.chartstream.schema.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API over HTTP:
 * {@code POST /subjects/{subject}/versions}, {@code GET /schemas/ids/{id}}, {@code GET /subjects}
 * and {@code GET /subjects/{subject}/versions/latest}. Confluent's own Java client is not on
 * Maven Central, hence this one; it works against Confluent Schema Registry, Apicurio's
 * {@code ccompat} API, Karapace, Redpanda and {@link EmbeddedSchemaRegistry}.
 *
 * <p>Registrations and schemas by id are cached for the life of the client: a registry never
 * changes the schema of an id, and re-registering a schema returns its existing id, so a
 * serializer asks the registry once per subject and a deserializer once per id. Subjects and
 * latest versions are not cached, since they change as producers register.
 *
 * <p>Thread-safe. Concurrent misses for the same key may each ask the registry; the answers
 * are the same, so the race is harmless and cheaper than a lock around network calls.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  private static final Logger LOGGER = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  /** The media type of the registry API, version 1, for requests and answers. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;
  private final Map<Registration, Integer> idsByRegistration = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  /** A registered schema, by its exact text: the registry's identity of a schema. */
  private record Registration(String subject, String schema) {}

  /**
   * A client of the registry at {@code baseUrl}, e.g. {@code http://127.0.0.1:8081} or, for
   * Apicurio, {@code http://host:8080/apis/ccompat/v7}; a trailing slash is ignored.
   */
  public RestSchemaRegistryClient(String baseUrl) {
    this.baseUrl = stripTrailingSlashes(Objects.requireNonNull(baseUrl, "baseUrl"));
    URI.create(this.baseUrl); // fail here, not on first use, on a malformed URL
    // HTTP/1.1: the JDK's default h2c upgrade request confuses some registries' servers.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  /** A client of the registry at {@code baseUrl}; see {@link #RestSchemaRegistryClient(String)}. */
  public static SchemaRegistryClient fromUrl(String baseUrl) {
    return new RestSchemaRegistryClient(baseUrl);
  }

  /** The registry's base URL, without trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public int register(String subject, Schema schema) {
    Registration registration = new Registration(subject, schema.toString());
    Integer cached = idsByRegistration.get(registration);
    if (cached != null) {
      return cached;
    }
    String body = JSON.createObjectNode().put("schema", registration.schema()).toString();
    JsonNode answer = send("POST", subjectPath(subject) + "/versions", body);
    int id = requiredInt(answer, "id");
    idsByRegistration.put(registration, id);
    schemasById.putIfAbsent(id, schema);
    LOGGER.debug("Registered a schema under {} as id {}", subject, id);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("GET", "/schemas/ids/" + id, null);
    Schema schema = parseSchema(answer, "schema " + id);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  @Override
  public List<String> subjects() {
    JsonNode answer = send("GET", "/subjects", null);
    if (!answer.isArray()) {
      throw malformed("GET /subjects", "an array", answer);
    }
    List<String> subjects = new ArrayList<>(answer.size());
    answer.forEach(s -> subjects.add(s.asText()));
    return List.copyOf(subjects);
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) {
    JsonNode answer;
    try {
      answer = send("GET", subjectPath(subject) + "/versions/latest", null);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
          || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    int id = requiredInt(answer, "id");
    Schema schema = parseSchema(answer, "subject " + subject);
    schemasById.putIfAbsent(id, schema);
    return Optional.of(new RegisteredSchema(subject, requiredInt(answer, "version"), id, schema));
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient[" + baseUrl + "]";
  }

  /** Sends one request and returns the JSON answer of a 2xx, or throws the registry's error. */
  private JsonNode send(String method, String path, String jsonBody) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", ACCEPT);
    if (jsonBody == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryException(SchemaRegistryException.NO_STATUS, SchemaRegistryException.NO_ERROR_CODE,
          method + " " + baseUrl + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(SchemaRegistryException.NO_STATUS, SchemaRegistryException.NO_ERROR_CODE,
          "Interrupted during " + method + " " + baseUrl + path, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw errorOf(method + " " + baseUrl + path, response);
    }
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(response.statusCode(), SchemaRegistryException.NO_ERROR_CODE,
          method + " " + baseUrl + path + " answered with something other than JSON: " + abbreviate(response.body()), e);
    }
  }

  /** The registry's error body {@code {"error_code":…,"message":…}} as an exception, if it is one. */
  private static SchemaRegistryException errorOf(String call, HttpResponse<String> response) {
    int status = response.statusCode();
    try {
      JsonNode error = JSON.readTree(response.body());
      if (error != null && error.has("error_code")) {
        return new SchemaRegistryException(status, error.get("error_code").asInt(),
            call + " failed with HTTP " + status + ": " + error.path("message").asText(""));
      }
    } catch (JsonProcessingException e) {
      // Not a registry error body (a proxy's HTML page, say): report the text itself below.
    }
    return new SchemaRegistryException(status, SchemaRegistryException.NO_ERROR_CODE,
        call + " failed with HTTP " + status + ": " + abbreviate(response.body()));
  }

  private static Schema parseSchema(JsonNode answer, String what) {
    String type = answer.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaRegistryException(200, SchemaRegistryException.NO_ERROR_CODE,
          "The registry holds " + what + " as " + type + ", not as an Avro schema");
    }
    JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw malformed(what, "a \"schema\" string", answer);
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
          "The registry's " + what + " is not a valid Avro schema: " + e.getMessage(), e);
    }
  }

  private static int requiredInt(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw malformed("the answer", "an integer \"" + field + "\"", answer);
    }
    return value.asInt();
  }

  private static SchemaRegistryException malformed(String what, String expected, JsonNode answer) {
    return new SchemaRegistryException(200, SchemaRegistryException.NO_ERROR_CODE,
        "Expected " + expected + " in " + what + " from the registry, got " + abbreviate(String.valueOf(answer)));
  }

  /** {@code /subjects/<subject>} with the subject percent-encoded as one path segment. */
  private static String subjectPath(String subject) {
    // URLEncoder encodes for forms: a space becomes '+', which in a path is a literal plus.
    return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripTrailingSlashes(String url) {
    String stripped = url.strip();
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
