package io.chartstream.schema.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestRouteTest {
  private final RestRoute route = RestRoute.of("GET", "/subjects/{subject}/versions/{version}", (p, b) -> null);

  @Test
  void capturesDecodedSegments() {
    assertEquals(Optional.of(Map.of("subject", "a/b c+d", "version", "latest")),
        route.match(RestRoute.segments("/subjects/a%2Fb%20c+d/versions/latest")));
  }

  @Test
  void decodesNonAsciiSubjects() {
    assertEquals(List.of("subjects", "Oléron 東京"), RestRoute.segments("/subjects/Ol%C3%A9ron%20%E6%9D%B1%E4%BA%AC"));
  }

  @Test
  void matchesWholePathsOnly() {
    assertEquals(Optional.empty(), route.match(RestRoute.segments("/subjects/a/versions")));
    assertEquals(Optional.empty(), route.match(RestRoute.segments("/subjects/a/versions/1/schema")));
    assertEquals(Optional.empty(), route.match(RestRoute.segments("/schemas/a/versions/1")));
  }

  @Test
  void ignoresEmptySegments() {
    assertEquals(List.of("subjects"), RestRoute.segments("//subjects/"));
    assertEquals(List.of(), RestRoute.segments("/"));
  }
}
