package io.chartstream.dbv;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The few JSON texts a dbv holds (flat objects and lists of strings), written without a library. */
final class Json {
  private Json() {}

  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String object(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> string(e.getKey()) + ":" + string(e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  static String array(List<String> values) {
    return values.stream().map(Json::string).collect(Collectors.joining(",", "[", "]"));
  }
}
