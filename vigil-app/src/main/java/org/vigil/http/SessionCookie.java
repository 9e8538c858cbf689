/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session cookie. It is written by hand because the attributes matter: HttpOnly (no script
 * reads it), SameSite=Strict (no other site's page sends it), Secure when the request came over TLS
 * (directly, through a declared proxy that says so, or always when the server is set to), and
 * Path=/ so that the web UI and the API share it.
 */
public final class SessionCookie {
  static final String NAME = "vigil_session";

  private SessionCookie() {}

  static Optional<String> read(Context ctx) {
    return Optional.ofNullable(ctx.cookie(NAME)).filter(v -> !v.isEmpty());
  }

  public static void set(Context ctx, String token, Instant expiresAt, Instant now) {
    long maxAge = Math.max(0, Duration.between(now, expiresAt).getSeconds());
    ctx.res().addHeader("Set-Cookie", NAME + "=" + token + attributes(ctx) + "; Max-Age=" + maxAge);
  }

  public static void clear(Context ctx) {
    ctx.res().addHeader("Set-Cookie", NAME + "=" + attributes(ctx) + "; Max-Age=0");
  }

  private static String attributes(Context ctx) {
    boolean secure = Requests.overTls(ctx);
    return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }
}
