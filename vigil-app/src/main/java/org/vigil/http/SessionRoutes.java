/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.access.User;
import org.vigil.auth.LoginOutcome;
import org.vigil.auth.Principal;

/** Signing in and out, and who the caller is. */
final class SessionRoutes {
  /** A user as the API shows them: never with the password hash. */
  record UserView(String id, String username, String org, String role) {
    static UserView of(User user) {
      return new UserView(user.id(), user.username(), user.orgId(), user.role().code());
    }
  }

  /** The answer to login and to "me"; the CSRF token only for session callers. */
  record SessionView(UserView user, String csrfToken) {}

  /** Login bodies are tiny; anything bigger is not a login. */
  private static final long MAX_LOGIN_BODY = 16 * 1024;

  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final Clock clock;

  SessionRoutes(Supplier<Backend> backend, ObjectMapper mapper, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.post("/login", Permission.ANONYMOUS, this::login);
    // Every role holds READ, so READ means "any signed-in user" here.
    routes.post("/logout", Permission.READ, this::logout);
    routes.get("/me", Permission.READ, this::me);
  }

  private void login(Context ctx) {
    requireJsonFromThisSite(ctx);
    JsonNode body = Json.readObject(ctx, mapper, MAX_LOGIN_BODY);
    String username = Json.text(body, "username", "");
    String password = Json.text(body, "password", "");
    String code = Json.optionalText(body, "code", "").orElse("");
    LoginOutcome outcome =
        backend.get().authenticator().login(username, password, code, Requests.remoteAddress(ctx));
    // Java 17 has no pattern switch; the outcomes are tested in turn.
    if (outcome instanceof LoginOutcome.Throttled throttled) {
      throw new ApiException(
          429,
          "too_many_attempts",
          "too many failed sign-ins; try again in "
              + Math.max(1, throttled.retryAfter().toSeconds() + 1)
              + " seconds",
          Optional.of(throttled.retryAfter()));
    }
    if (outcome instanceof LoginOutcome.SecondFactorRequired second) {
      throw new ApiException(
          401,
          second.enrolmentNeeded() ? "second_factor_enrolment_required" : "second_factor_required",
          second.enrolmentNeeded()
              ? "your organisation requires a second factor and you have none yet; ask an"
                  + " administrator to enrol you (vigil users totp)"
              : "send the current code of your authenticator app as 'code'");
    }
    if (!(outcome instanceof LoginOutcome.SignedIn signedIn)) {
      throw ApiException.unauthenticated("the username or the password is wrong");
    }
    SessionCookie.set(ctx, signedIn.sessionToken(), signedIn.expiresAt(), clock.instant());
    Principal p = signedIn.principal();
    ctx.json(new SessionView(UserView.of(p.user()), p.csrfToken().orElseThrow()));
  }

  /**
   * A login is JSON from a page of this site, or from a program that is no browser. A browser sends
   * a cross-site form only as text/plain, form or multipart (and says where it came from): refusing
   * those stops another site from signing a visitor in as the attacker (login CSRF).
   */
  static void requireJsonFromThisSite(Context ctx) {
    String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      throw new ApiException(
          415, "unsupported_media_type", "send the login as Content-Type: application/json");
    }
    String site = Optional.ofNullable(ctx.header("Sec-Fetch-Site")).orElse("none");
    if (!site.equals("same-origin") && !site.equals("none")) {
      throw new ApiException(403, "cross_site", "a login must come from a page of this site");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
      throw new ApiException(403, "cross_site", "a login must come from a page of this site");
    }
  }

  private static boolean sameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      if (uri.getHost() == null) {
        return false; // "null" and other opaque origins
      }
      String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return authority.equalsIgnoreCase(host)
          || (uri.getPort() < 0
              && (host.equalsIgnoreCase(uri.getHost() + ":80")
                  || host.equalsIgnoreCase(uri.getHost() + ":443")));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void logout(Context ctx) {
    Principal who = Requests.principal(ctx);
    backend.get().authenticator().logout(who, Requests.remoteAddress(ctx));
    if (who.bySession()) {
      SessionCookie.clear(ctx);
    }
    ctx.status(204);
  }

  private void me(Context ctx) {
    Principal who = Requests.principal(ctx);
    ctx.json(new SessionView(UserView.of(who.user()), who.csrfToken().orElse(null)));
  }
}
