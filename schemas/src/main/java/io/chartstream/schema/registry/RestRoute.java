package io.chartstream.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One endpoint of the embedded registry's REST API: a method, a path pattern such as
 * {@code /subjects/{subject}/versions/{version}} and the handler that answers it.
 *
 * <p>Patterns match whole path segments, percent-decoded after splitting, so an encoded slash in
 * a subject ({@code a%2Fb}) stays in its segment; a {@code {name}} segment captures any one segment.
 */
record RestRoute(String method, List<String> pattern, Handler handler) {

  /** Answers a matched request with the JSON of a 200 reply, or throws {@link SchemaRegistryException}. */
  @FunctionalInterface
  interface Handler {
    JsonNode handle(Map<String, String> params, byte[] body);
  }

  static RestRoute of(String method, String pattern, Handler handler) {
    return new RestRoute(method, segments(pattern), handler);
  }

  /** The percent-decoded, non-empty segments of a raw request path. */
  static List<String> segments(String rawPath) {
    try {
      return Arrays.stream(rawPath.split("/"))
          .filter(s -> !s.isEmpty())
          // Paths are not form data: a literal '+' is a plus, not a space.
          .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
          .toList();
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found (bad percent-encoding in the path)");
    }
  }

  /** The captured segments when {@code segments} fits the pattern, whatever the method. */
  Optional<Map<String, String>> match(List<String> segments) {
    if (segments.size() != pattern.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String expected = pattern.get(i);
      if (expected.startsWith("{") && expected.endsWith("}")) {
        params.put(expected.substring(1, expected.length() - 1), segments.get(i));
      } else if (!expected.equals(segments.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
