package io.chartstream.schema.registry;

/**
 * A schema registry refused a request or could not be reached.
 *
 * <p>Carries the HTTP status and the Confluent error code of the registry's JSON error body
 * ({@code {"error_code":40401,"message":"Subject 'x' not found."}}), so callers can tell a
 * missing subject from a broken registry without parsing messages. Confluent, Apicurio
 * (ccompat), Karapace and Redpanda all use the same codes; the common ones are constants here.
 * The embedded registry throws the same exception and its HTTP layer turns it back into the
 * same status and body.
 */
public final class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Status when no HTTP response was received (connection refused, timeout, interrupt). */
  public static final int NO_STATUS = 0;
  /** Error code when the response carried none (not JSON, or not a Confluent error body). */
  public static final int NO_ERROR_CODE = -1;

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  /** Confluent answers an incompatible schema with 409 and this code. */
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int BACKEND_STORE_ERROR = 50001;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the registry's answer, or {@link #NO_STATUS} if there was none. */
  public int status() {
    return status;
  }

  /** The Confluent error code, e.g. {@link #SUBJECT_NOT_FOUND}, or {@link #NO_ERROR_CODE}. */
  public int errorCode() {
    return errorCode;
  }
}
