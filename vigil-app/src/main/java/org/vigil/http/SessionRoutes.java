/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
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
    JsonNode body = Json.readObject(ctx, mapper, MAX_LOGIN_BODY);
    String username = Json.text(body, "username", "");
    String password = Json.text(body, "password", "");
    LoginOutcome outcome =
        backend.get().authenticator().login(username, password, Requests.remoteAddress(ctx));
    // Java 17 has no pattern switch; the three outcomes are tested in turn.
    if (outcome instanceof LoginOutcome.Throttled throttled) {
      throw new ApiException(
          429,
          "too_many_attempts",
          "too many failed sign-ins; try again in "
              + Math.max(1, throttled.retryAfter().toSeconds() + 1)
              + " seconds",
          Optional.of(throttled.retryAfter()));
    }
    if (!(outcome instanceof LoginOutcome.SignedIn signedIn)) {
      throw ApiException.unauthenticated("the username or the password is wrong");
    }
    SessionCookie.set(ctx, signedIn.sessionToken(), signedIn.expiresAt(), clock.instant());
    Principal p = signedIn.principal();
    ctx.json(new SessionView(UserView.of(p.user()), p.csrfToken().orElseThrow()));
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
