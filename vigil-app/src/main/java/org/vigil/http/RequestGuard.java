/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.auth.Authenticator;
import org.vigil.auth.LoginOutcome;
import org.vigil.auth.Principal;
import org.vigil.store.Store;

/**
 * Runs before every matched route: refuses oversized bodies, establishes who is calling (bearer
 * token, session cookie, or the demo's loopback sign-in), then enforces the route's permission and,
 * for cookie-authenticated writes, the CSRF token. Deny by default: a route without a permission is
 * refused.
 */
public final class RequestGuard {
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HandlerType> SAFE_METHODS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final Supplier<Backend> backend;
  private final ServerSettings settings;
  private final Clock clock;

  RequestGuard(Supplier<Backend> backend, ServerSettings settings, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The form field that carries the session's CSRF token in the web UI's forms. */
  public static final String CSRF_FIELD = "csrf";

  /** Thrown by the guard when a browser asks for a page without being signed in. */
  static final class SignInRequired extends RuntimeException {
    final String target;

    SignInRequired(String target) {
      super("sign-in required for " + target, null, false, false);
      this.target = target;
    }
  }

  private static boolean isApi(Context ctx) {
    return ctx.path().startsWith(Routes.PREFIX + "/")
        || ctx.path().startsWith(Routes.TAXII_PREFIX + "/");
  }

  private static Optional<String> formToken(Context ctx) {
    String type = Optional.ofNullable(ctx.contentType()).orElse("");
    return type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data")
        ? Optional.ofNullable(ctx.formParam(CSRF_FIELD))
        : Optional.empty();
  }

  /** Headers every response carries, errors and 404s included. */
  static void securityHeaders(Context ctx) {
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
  }

  void check(Context ctx) {
    Requests.establishClient(ctx, settings.trustedProxies(), settings.secureCookies());
    if (ctx.req().getContentLengthLong() > settings.maxBodyBytes()) {
      throw ApiException.tooLarge(settings.maxBodyBytes());
    }
    Permission required =
        Routes.required(ctx.routeRoles())
            .orElseThrow(
                () ->
                    ApiException.forbidden(
                        "this route declares no permission and is refused by default"));
    if (required == Permission.ANONYMOUS) {
      // Anonymous routes look at no credentials: a stale cookie must not stop its owner from
      // signing in again, and health must answer even while the store is still opening.
      return;
    }
    boolean page = ctx.method() == HandlerType.GET && !isApi(ctx);
    Optional<Principal> identified;
    try {
      identified = identify(ctx);
    } catch (ApiException e) {
      if (e.status() == 401 && required == Permission.TIPS) {
        throw hiddenTipRoute();
      }
      if (!page || e.status() != 401) {
        throw e;
      }
      identified = Optional.empty(); // an expired session: the browser signs in again
    }
    if (identified.isEmpty() && required == Permission.TIPS) {
      throw hiddenTipRoute();
    }
    if (identified.isEmpty() && page) {
      // A person at a browser: send them to the sign-in page, and back here afterwards.
      String query = ctx.queryString();
      throw new SignInRequired(ctx.path() + (query == null ? "" : "?" + query));
    }
    Principal who =
        identified.orElseThrow(
            () -> ApiException.unauthenticated("sign in, or send an API token, to use this route"));
    Requests.setPrincipal(ctx, who);
    if (!who.viewer().may(required)) {
      throw ApiException.forbidden(
          "your role ("
              + who.user().role().code()
              + ") does not grant "
              + required.name().toLowerCase(Locale.ROOT));
    }
    if (!who.may(required)) {
      throw ApiException.forbidden(
          "this API token is not scoped for " + required.name().toLowerCase(Locale.ROOT));
    }
    checkCsrf(ctx, who);
  }

  /**
   * The tip routes and pages answer a caller without (valid) credentials 404, not 401 or a sign-in
   * page: nothing tells an anonymous prober that tips are handled on this listener, or where.
   */
  private static ApiException hiddenTipRoute() {
    return ApiException.notFound("no such route");
  }

  /** A state-changing request of a session carries the session's token: header or form field. */
  private static void checkCsrf(Context ctx, Principal who) {
    if (who.bySession() && !SAFE_METHODS.contains(ctx.method())) {
      String sent =
          Optional.ofNullable(ctx.header(CSRF_HEADER))
              .or(() -> isApi(ctx) ? Optional.empty() : formToken(ctx))
              .orElse("");
      String expected = who.csrfToken().orElseThrow();
      if (!MessageDigest.isEqual(
          sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
        throw new ApiException(
            403,
            "csrf",
            isApi(ctx)
                ? "a cookie-authenticated "
                    + ctx.method().name()
                    + " needs the "
                    + CSRF_HEADER
                    + " header with the session's token"
                : "This form did not come from a Vigil page of your session (its security token"
                    + " is missing or wrong), so nothing was changed. Go back, reload the page"
                    + " and send it again.");
      }
    }
  }

  /**
   * Who sent the request: a bearer token first, then the session cookie, then (demo only) the
   * loopback sign-in. Credentials that were sent but are not valid are refused, never ignored.
   */
  private Optional<Principal> identify(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ApiException.unauthenticated("the Authorization header must be 'Bearer <token>'");
      }
      return Optional.of(
          authenticator()
              .apiToken(authorization.substring(7).strip())
              .orElseThrow(
                  () -> ApiException.unauthenticated("the API token is unknown or has expired")));
    }
    Optional<Principal> inUrl = urlToken(ctx);
    if (inUrl.isPresent()) {
      return inUrl;
    }
    Optional<String> cookie = SessionCookie.read(ctx);
    if (cookie.isPresent()) {
      Optional<Principal> session = authenticator().session(cookie.get());
      if (session.isEmpty()) {
        SessionCookie.clear(ctx);
        throw ApiException.unauthenticated("the session has expired or was ended; sign in again");
      }
      return session;
    }
    if (settings.loopbackUser().isPresent() && LoopbackSignIn.applies(ctx)) {
      return loopbackSession(ctx, authenticator(), settings.loopbackUser().get());
    }
    return Optional.empty();
  }

  /**
   * A token in the {@code api_key} parameter, taken only by the reconciliation routes: spreadsheet
   * tools such as OpenRefine call a reconciliation service by its URL alone and cannot send a
   * header. Such a URL ends up in their project files and logs, so it must hold a token that can do
   * nothing but screen names against the public lists.
   */
  private Optional<Principal> urlToken(Context ctx) {
    String key = ctx.queryParam(URL_TOKEN);
    if (key == null || !ctx.path().startsWith(Routes.PREFIX + ReconcileRoutes.PATH)) {
      return Optional.empty();
    }
    Principal who =
        authenticator()
            .apiToken(key.strip())
            .orElseThrow(
                () -> ApiException.unauthenticated("the API token is unknown or has expired"));
    if (!who.tokenScopes().equals(Set.of(Permission.SCREEN))) {
      throw ApiException.unauthenticated(
          "a token in the URL must be scoped to screening alone (vigil users token NAME --scope"
              + " screen)");
    }
    return Optional.of(who);
  }

  /** The query parameter that carries a screening token for the reconciliation routes. */
  static final String URL_TOKEN = "api_key";

  /** Asked for only when credentials must be checked, so anonymous routes never wait for it. */
  private Authenticator authenticator() {
    return backend.get().authenticator();
  }

  /**
   * Signs the demo user in with a real session, so that the browser gets a cookie and later writes
   * go through the CSRF check like any other session's.
   */
  private Optional<Principal> loopbackSession(
      Context ctx, Authenticator authenticator, String username) {
    Store store = backend.get().store();
    return store
        .accounts()
        .userByName(username)
        .filter(u -> u.enabled())
        .map(
            user -> {
              LoginOutcome.SignedIn signedIn =
                  store.audited(
                      () -> authenticator.openSession(user),
                      s ->
                          new AuditEvent(
                              user.id(),
                              AuditAction.LOGIN,
                              user.username(),
                              "demo sign-in from loopback",
                              Requests.remoteAddress(ctx),
                              clock.instant()));
              SessionCookie.set(
                  ctx, signedIn.sessionToken(), signedIn.expiresAt(), clock.instant());
              return signedIn.principal();
            });
  }
}
