/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * An expected failure of a request, with the status and the stable code the client sees. The
 * message is shown to the client, so it must name the problem without revealing anything the client
 * may not know.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Optional<Duration> retryAfter;

  public ApiException(int status, String code, String message) {
    this(status, code, message, Optional.empty());
  }

  public ApiException(int status, String code, String message, Optional<Duration> retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = requireNonNull(code, "code");
    this.retryAfter = requireNonNull(retryAfter, "retryAfter");
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  public static ApiException invalidValue(String message) {
    return new ApiException(400, "invalid_value", message);
  }

  public static ApiException unauthenticated(String message) {
    return new ApiException(401, "unauthenticated", message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public static ApiException tooLarge(long limit) {
    return new ApiException(
        413, "too_large", "the request body is larger than the limit of " + limit + " bytes");
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
