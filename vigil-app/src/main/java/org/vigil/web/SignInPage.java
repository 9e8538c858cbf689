/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.LoginOutcome;
import org.vigil.auth.Principal;
import org.vigil.auth.Secrets;
import org.vigil.http.Backend;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.http.SessionCookie;

/**
 * The analyst's pages, rendered on the server from the same store reads as the API (so the same
 * markings apply): sign-in and sign-out. The home, search, document, upload, screening, entity and
 * graph pages have classes of their own.
 */
public final class SignInPage {
  /** The cookie that ties a sign-in form to the browser it was shown to (login CSRF). */
  private static final String FORM_COOKIE = "vigil_signin";

  private static final int MAX_FIELD = 1_024;

  private final Supplier<Backend> backend;
  private final Clock clock;

  public SignInPage(Supplier<Backend> backend, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Where a browser is sent to sign in before it sees {@code target}. */
  public static String signInUrl(String target) {
    return "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  private void signInForm(Context ctx) {
    renderSignIn(ctx, 200, Optional.empty());
  }

  /**
   * A fresh form token in a SameSite=Strict cookie and in the form: a page of another site can
   * neither read the token nor make the browser send the cookie, so it cannot sign a victim in.
   */
  private void renderSignIn(Context ctx, int status, Optional<String> problem) {
    String token = Secrets.newToken();
    boolean secure = Requests.overTls(ctx);
    ctx.res()
        .addHeader(
            "Set-Cookie",
            FORM_COOKIE
                + "="
                + token
                + "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=1800"
                + (secure ? "; Secure" : ""));
    Html page = Html.bare("Sign in").raw("<h1>Sign in</h1>");
    problem.ifPresent(p -> page.raw("<p class=\"error\">").text(p).raw("</p>"));
    page.raw("<form class=\"signin\" method=\"post\" action=\"/login\">")
        .raw("<input type=\"hidden\" name=\"form_token\" value=\"")
        .text(token)
        .raw("\"><input type=\"hidden\" name=\"next\" value=\"")
        .text(
            safeTarget(ctx.queryParam("next"))
                .orElse(safeTarget(ctx.formParam("next")).orElse("/")))
        .raw("\"><label>Username <input name=\"username\" autocomplete=\"username\" required")
        .raw(" autofocus></label><label>Password <input type=\"password\" name=\"password\"")
        .raw(" autocomplete=\"current-password\" required></label>")
        .raw("<label>One-time code (if you have a second factor) <input name=\"code\"")
        .raw(" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"8\"></label>")
        .raw("<button type=\"submit\">Sign in</button></form>");
    ctx.status(status).html(page.end());
  }

  private void signIn(Context ctx) {
    String sent = field(ctx, "form_token");
    String expected = Optional.ofNullable(ctx.cookie(FORM_COOKIE)).orElse("");
    if (expected.isEmpty()
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      renderSignIn(ctx, 403, Optional.of("The form has expired; please sign in again."));
      return;
    }
    LoginOutcome outcome =
        backend
            .get()
            .authenticator()
            .login(
                field(ctx, "username"),
                field(ctx, "password"),
                field(ctx, "code"),
                Requests.remoteAddress(ctx));
    if (outcome instanceof LoginOutcome.Throttled throttled) {
      ctx.header("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds() + 1)));
      renderSignIn(
          ctx,
          429,
          Optional.of(
              "Too many failed sign-ins; try again in "
                  + Math.max(1, throttled.retryAfter().toSeconds() + 1)
                  + " seconds."));
      return;
    }
    if (outcome instanceof LoginOutcome.SecondFactorRequired second) {
      renderSignIn(
          ctx,
          401,
          Optional.of(
              second.enrolmentNeeded()
                  ? "Your organisation requires a second factor; ask an administrator to enrol"
                      + " you."
                  : "Enter the current one-time code of your authenticator app."));
      return;
    }
    if (!(outcome instanceof LoginOutcome.SignedIn signedIn)) {
      renderSignIn(ctx, 401, Optional.of("The username or the password is wrong."));
      return;
    }
    SessionCookie.set(ctx, signedIn.sessionToken(), signedIn.expiresAt(), clock.instant());
    ctx.res()
        .addHeader(
            "Set-Cookie", FORM_COOKIE + "=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0");
    ctx.redirect(safeTarget(ctx.formParam("next")).orElse("/"), HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    Principal who = Requests.principal(ctx);
    backend.get().authenticator().logout(who, Requests.remoteAddress(ctx));
    if (who.bySession()) {
      SessionCookie.clear(ctx);
    }
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /** A place on this site to return to: a path, never another host ("//x", "/\\x", "http:"). */
  private static Optional<String> safeTarget(String target) {
    if (target == null
        || target.length() > MAX_FIELD
        || !target.startsWith("/")
        || target.startsWith("//")
        || target.contains("\\")
        || target.chars().anyMatch(c -> c < 0x20)
        || target.startsWith("/login")) {
      return Optional.empty();
    }
    return Optional.of(target);
  }

  private static String field(Context ctx, String name) {
    String value = Optional.ofNullable(ctx.formParam(name)).orElse("");
    return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
  }

  public void register(Routes routes) {
    routes.page("/login", Permission.ANONYMOUS, this::signInForm);
    routes.pagePost("/login", Permission.ANONYMOUS, this::signIn);
    routes.pagePost("/logout", Permission.READ, this::signOut);
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
