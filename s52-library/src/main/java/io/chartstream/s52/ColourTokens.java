package io.chartstream.s52;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The colour tokens of an S-52 library in sRGB per palette, and their file ({@value #NAME}): a
 * header {@code token,day,dusk,night}, then one line per token with its {@code #rrggbb} in each
 * palette, e.g. {@code DEPVS,#91c7ff,#2b3f52,#0c1218}. Blank lines and lines starting with
 * {@code #} are comments; malformed lines are an {@link IllegalArgumentException} naming file and
 * line.
 *
 * <p>Immutable ({@code @Immutable}).
 *
 * @param source  where the tokens were read, for messages
 * @param colours token → colours, in the source's order
 */
public record ColourTokens(String source, Map<String, TokenColour> colours) {
  /** The file name in a configuration folder. */
  public static final String NAME = "colours.csv";
  /** Where {@link #builtIn()} reads the converted tokens on the class path. */
  public static final String RESOURCE = "/io/chartstream/s52/" + NAME;
  private static final String HEADER = "token,day,dusk,night";

  public ColourTokens {
    colours = Collections.unmodifiableMap(new LinkedHashMap<>(colours));
  }

  /** The tokens chartstream ships ({@code config/s52/colours.csv}, converted from the PresLib). */
  public static ColourTokens builtIn() {
    return BuiltIn.TOKENS;
  }

  public Optional<TokenColour> get(String token) {
    return Optional.ofNullable(colours.get(token));
  }

  /** Reads {@code file}. */
  public static ColourTokens load(Path file) throws IOException {
    return read(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses the text of a colour file named {@code source}. */
  public static ColourTokens read(String source, String text) {
    Map<String, TokenColour> colours = new LinkedHashMap<>();
    boolean header = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
          throw error(source, i + 1, "expected the header " + HEADER + ", got '" + line + "'");
        }
        header = true;
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length != 4) {
        throw error(source, i + 1, "expected token,day,dusk,night, got " + fields.length + " fields");
      }
      String token = fields[0].strip();
      if (token.length() != 5) {
        throw error(source, i + 1, "colour token '" + token + "' is not 5 characters");
      }
      TokenColour colour;
      try {
        colour = new TokenColour(fields[1], fields[2], fields[3]);
      } catch (IllegalArgumentException e) {
        throw error(source, i + 1, token + ": " + e.getMessage());
      }
      if (colours.put(token, colour) != null) {
        throw error(source, i + 1, "colour token " + token + " defined twice");
      }
    }
    if (!header) {
      throw error(source, lines.length, "no header " + HEADER);
    }
    return new ColourTokens(source, colours);
  }

  /** The file's text: {@code header} lines as comments, the header line, one line per token. */
  public String write(List<String> headerComments) {
    StringBuilder out = new StringBuilder();
    for (String line : headerComments) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    out.append(HEADER).append('\n');
    colours.forEach((token, c) -> out.append(token).append(',').append(c.day()).append(',').append(c.dusk())
        .append(',').append(c.night()).append('\n'));
    return out.toString();
  }

  private static IllegalArgumentException error(String file, int line, String message) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s:%d: %s", file, line, message));
  }

  /** Read once, on first use. */
  private static final class BuiltIn {
    static final ColourTokens TOKENS = load();

    private static ColourTokens load() {
      try (InputStream in = ColourTokens.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the class path lacks " + RESOURCE + " (built from config/s52)");
        }
        return read(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
