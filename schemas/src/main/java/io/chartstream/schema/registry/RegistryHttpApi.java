package io.chartstream.schema.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's REST API: the subset of Confluent Schema Registry's endpoints that
 * producers register with and that consumers, Confluent's clients included (Python's
 * {@code AvroConsumer} calls {@code GET /schemas/ids/{id}}), decode with. Answers and errors have
 * Confluent's JSON shapes, statuses and error codes, e.g. 404
 * {@code {"error_code":40401,"message":"Subject 'x' not found."}}.
 *
 * <p>Every subject has the global compatibility level BACKWARD; config cannot be changed, and
 * nothing can be deleted. Thread-safe: it holds no state besides the {@link SchemaStore}.
 */
final class RegistryHttpApi implements HttpHandler {
  private static final Logger LOGGER = LoggerFactory.getLogger(RegistryHttpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMPATIBILITY = "BACKWARD";
  /** Largest request body: chartstream's largest schema, the union of the chart events, is some tens of kilobytes. */
  static final int MAX_BODY_BYTES = 1 << 20;
  /** How much of a refused body is read and dropped before answering; the connection closes on a larger one. */
  private static final long DRAINED_BYTES = 16L << 20;

  private final SchemaStore store;
  private final List<RestRoute> routes;

  RegistryHttpApi(SchemaStore store) {
    this.store = store;
    this.routes = List.of(
        RestRoute.of("GET", "/", (p, b) -> JSON.createObjectNode()),
        RestRoute.of("GET", "/subjects", (p, b) -> array(store.subjects())),
        RestRoute.of("POST", "/subjects/{subject}", (p, b) -> versionJson(store.lookup(p.get("subject"), schemaOf(b)))),
        RestRoute.of("GET", "/subjects/{subject}/versions", (p, b) -> array(store.versions(p.get("subject")))),
        RestRoute.of("POST", "/subjects/{subject}/versions",
            (p, b) -> JSON.createObjectNode().put("id", store.register(p.get("subject"), schemaOf(b)))),
        RestRoute.of("GET", "/subjects/{subject}/versions/{version}",
            (p, b) -> versionJson(store.version(p.get("subject"), version(p.get("version"))))),
        RestRoute.of("GET", "/subjects/{subject}/versions/{version}/schema",
            (p, b) -> rawSchema(store.version(p.get("subject"), version(p.get("version"))).schema().toString())),
        RestRoute.of("GET", "/schemas/ids/{id}",
            (p, b) -> JSON.createObjectNode().put("schema", store.schemaById(id(p.get("id"))).toString())),
        RestRoute.of("GET", "/schemas/ids/{id}/schema", (p, b) -> rawSchema(store.schemaById(id(p.get("id"))).toString())),
        RestRoute.of("GET", "/schemas/types", (p, b) -> JSON.createArrayNode().add("AVRO")),
        RestRoute.of("GET", "/config", (p, b) -> compatibility()),
        // No per-subject levels: a subject's effective level is the global one.
        RestRoute.of("GET", "/config/{subject}", (p, b) -> compatibility()));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      int status = 200;
      JsonNode answer;
      try {
        answer = dispatch(method, RestRoute.segments(path), body(exchange));
      } catch (SchemaRegistryException e) {
        status = e.status();
        answer = error(e.errorCode(), e.getMessage());
      } catch (RuntimeException e) {
        LOGGER.error("{} {} failed", method, path, e);
        status = 500;
        answer = error(500, "Internal error: " + e);
      }
      LOGGER.debug("{} {} -> {}", method, path, status);
      byte[] body = JSON.writeValueAsBytes(answer);
      exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /** The request body, refused beyond {@link #MAX_BODY_BYTES}: no schema is that large, and memory is not for strangers. */
  private static byte[] body(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      // Read on, up to a bound, so a client that sent it all reads the answer instead of a reset.
      exchange.getRequestBody().skip(DRAINED_BYTES);
      throw new SchemaRegistryException(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  private JsonNode dispatch(String method, List<String> segments, byte[] body) {
    boolean pathKnown = false;
    for (RestRoute route : routes) {
      Optional<Map<String, String>> params = route.match(segments);
      if (params.isPresent()) {
        if (route.method().equals(method)) {
          return route.handler().handle(params.get(), body);
        }
        pathKnown = true;
      }
    }
    // The bodies Confluent's registry (Jersey) gives for these.
    throw pathKnown
        ? new SchemaRegistryException(405, 405, "HTTP 405 Method Not Allowed")
        : new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
  }

  /** The {@code schema} of a register or lookup body {@code {"schema": "…", "schemaType": "AVRO"}}. */
  private static String schemaOf(byte[] body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      throw new SchemaRegistryException(400, 400, "Request body is not JSON: " + e.getMessage());
    }
    if (request == null || !request.isObject()) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA, "Expected {\"schema\": \"...\"}");
    }
    String type = request.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema type " + type + ": this registry holds AVRO schemas only");
    }
    if (!request.path("references").isMissingNode() && !request.path("references").isEmpty()) {
      throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
          "Schema references are not supported: register self-contained schemas");
    }
    return request.path("schema").asText("");
  }

  /** {@code latest} (or Confluent's alias {@code -1}) as empty, else a version from 1. */
  private static Optional<Integer> version(String text) {
    if ("latest".equals(text) || "-1".equals(text)) {
      return Optional.empty();
    }
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return Optional.of(version);
      }
    } catch (NumberFormatException e) {
      // Answered below, as Confluent does.
    }
    throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION,
        "The specified version '" + text + "' is not a valid version id. "
            + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  private static int id(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
    }
  }

  private static ObjectNode versionJson(RegisteredSchema registered) {
    return JSON.createObjectNode()
        .put("subject", registered.subject())
        .put("version", registered.version())
        .put("id", registered.id())
        .put("schema", registered.schema().toString());
  }

  private static JsonNode rawSchema(String schema) {
    try {
      return JSON.readTree(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Avro wrote a schema that is not JSON: " + schema, e);
    }
  }

  private static ObjectNode compatibility() {
    return JSON.createObjectNode().put("compatibilityLevel", COMPATIBILITY);
  }

  private static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message);
  }

  private static ArrayNode array(List<?> values) {
    return JSON.valueToTree(values);
  }
}
