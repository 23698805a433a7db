package io.chartstream.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random token made once per run, embedded in the operator page and required in the
 * {@code X-CSRF-Token} header of every state-changing request: another site the operator visits
 * can make the browser send a POST here, but cannot read the page to learn the token.
 */
record CsrfToken(String value) {
  static final String HEADER = "X-CSRF-Token";

  static CsrfToken random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new CsrfToken(HexFormat.of().formatHex(bytes));
  }

  /** Constant-time comparison, so timing tells nothing about the token. */
  boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
