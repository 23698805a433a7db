package io.chartstream.ingest.s57;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An S-57 / ISO 8211 file could not be read because its bytes are not what the format says
 * (or could not be read at all). The message names the file, where in it, and the reason;
 * {@link #code()} is a stable snake_case reason for metrics and tests, e.g.
 * {@code truncated_leader}, {@code bad_leader}, {@code bad_directory}, {@code truncated_field},
 * {@code not_a_catalog}.
 *
 * <p>It is checked, and an {@link IOException}, because a malformed chart file is an expected
 * condition of the input (a cut download, a wrong file in an exchange set) that a caller must
 * decide about, exactly like a missing file.
 */
public final class S57FormatException extends IOException {
  @Serial private static final long serialVersionUID = 1L;
  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private final String code;
  // Path is not Serializable; the message keeps the file name for a deserialized copy.
  private final transient Path file;

  /**
   * @param file   the file being read, named in the message
   * @param code   stable snake_case reason, e.g. {@code truncated_field}
   * @param reason what is wrong, in words, with where it is in the file
   */
  public S57FormatException(Path file, String code, String reason) {
    this(file, code, reason, null);
  }

  /** As {@link #S57FormatException(Path, String, String)}, with the underlying cause. */
  public S57FormatException(Path file, String code, String reason, Throwable cause) {
    super(file + ": " + reason + " [" + code + "]", cause);
    if (!SNAKE_CASE.matcher(Objects.requireNonNull(code, "code")).matches()) {
      throw new IllegalArgumentException("S57FormatException code must be snake_case: " + code);
    }
    this.code = code;
    this.file = Objects.requireNonNull(file, "file");
  }

  /** A stable snake_case reason to count and test against, e.g. {@code truncated_leader}. */
  public String code() {
    return code;
  }

  /** The file that could not be read (null only in a deserialized copy). */
  public Path file() {
    return file;
  }
}
