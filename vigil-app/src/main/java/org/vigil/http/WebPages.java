/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.LoginOutcome;
import org.vigil.auth.Principal;
import org.vigil.auth.Secrets;
import org.vigil.model.Entity;
import org.vigil.model.PropertyType;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.store.StatementRepository;

/**
 * The analyst's pages, rendered on the server from the same store reads as the API (so the same
 * markings apply): sign-in and sign-out, and an entity page that shows every value with the source,
 * span, extractor and marking it came from. The home, search, document, upload and screening pages
 * have classes of their own.
 */
final class WebPages {
  private static final int REFERENCES = 50;
  // What says most about a link in one line: a membership's role, a sanction's authority and
  // programme, and when.
  private static final List<String> LINK_DETAILS =
      List.of("role", "relationship", "authority", "program", "listingDate", "startDate", "date");

  /** The cookie that ties a sign-in form to the browser it was shown to (login CSRF). */
  private static final String FORM_COOKIE = "vigil_signin";

  private static final int MAX_FIELD = 1_024;

  private final Supplier<Backend> backend;
  private final Clock clock;

  WebPages(Supplier<Backend> backend, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Where a browser is sent to sign in before it sees {@code target}. */
  static String signInUrl(String target) {
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
    boolean secure = "https".equalsIgnoreCase(ctx.scheme());
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
            .login(field(ctx, "username"), field(ctx, "password"), Requests.remoteAddress(ctx));
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

  void register(Routes routes) {
    routes.page("/login", Permission.ANONYMOUS, this::signInForm);
    routes.pagePost("/login", Permission.ANONYMOUS, this::signIn);
    routes.pagePost("/logout", Permission.READ, this::signOut);
    routes.page("/entities/{id}", Permission.READ, this::entity);
  }

  private void entity(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    Backend b = backend.get();
    StatementRepository statements = b.store().statements();
    Optional<Entity> found =
        PropertyType.isEntityId(id) ? statements.entity(id, who.viewer()) : Optional.empty();
    b.audit()
        .record(ctx, who, AuditAction.READ_ENTITY, id, found.isPresent() ? "page" : "not found");
    if (found.isEmpty()) {
      ctx.status(404);
      ctx.html(
          Html.page("Not found", who, "")
              .raw("<h1>Not found</h1><p class=\"error\">There is no entity ")
              .text(id)
              .raw(" that you may see.</p>")
              .end());
      return;
    }
    Entity entity = found.get();
    Map<String, Optional<Source>> sources = new HashMap<>();
    Html page = Html.page(entity.caption(), who, "");
    page.raw("<h1>")
        .text(entity.caption())
        .raw(" <span class=\"schema\">")
        .text(entity.schema().ftmName())
        .raw("</span></h1>");
    if (entity.memberIds().size() > 1) {
      page.raw("<p class=\"hint\">Merged from ")
          .text(String.join(", ", entity.memberIds()))
          .raw("</p>");
    }
    page.raw("<table class=\"statements\"><thead><tr><th>property</th><th>value</th>")
        .raw(
            "<th>source</th><th>read by</th><th>marking</th><th>last seen</th></tr></thead><tbody>");
    for (Map.Entry<String, List<Statement>> e : entity.byProperty().entrySet()) {
      for (Statement s : e.getValue()) {
        Optional<Source> source =
            sources.computeIfAbsent(s.sourceId(), sid -> statements.source(sid, who.viewer()));
        page.raw("<tr><td>").text(e.getKey()).raw("</td><td>");
        if (s.isReference()) {
          page.raw("<a href=\"/entities/")
              .text(encode(s.value()))
              .raw("\">")
              .text(s.value())
              .raw("</a>");
        } else {
          page.text(s.value());
        }
        page.raw("</td><td>");
        source.ifPresentOrElse(
            src ->
                page.text(src.title())
                    .raw(" <span class=\"grade\" title=\"")
                    .text(src.reliability().description())
                    .raw("\">")
                    .text(src.reliability().name())
                    .raw("</span>"),
            () -> page.text(s.sourceId()));
        s.span()
            .ifPresent(
                span ->
                    page.raw(" <span class=\"span\">chars ")
                        .text(span.start() + "–" + span.end())
                        .raw("</span>"));
        page.raw("</td><td>")
            .text(s.extractor())
            .text(String.format(Locale.ROOT, " (%.2f)", s.confidence()))
            .raw("</td><td>")
            .marking(s.marking())
            .raw("</td><td>")
            .text(s.lastSeen().toString().substring(0, 10))
            .raw("</td></tr>");
      }
    }
    page.raw("</tbody></table>");
    List<Entity> links = statements.referencing(entity.id(), who.viewer(), REFERENCES);
    if (!links.isEmpty()) {
      page.raw("<h2>Links</h2><ul class=\"links\">");
      for (Entity link : links) {
        page.raw("<li><a href=\"/entities/")
            .text(encode(link.id()))
            .raw("\">")
            .text(link.schema().ftmName())
            .raw("</a>");
        for (String property : link.schema().required()) {
          for (String end : link.values(property)) {
            if (!entity.memberIds().contains(end)) {
              page.raw(" ")
                  .text(property)
                  .raw(": <a href=\"/entities/")
                  .text(encode(end))
                  .raw("\">")
                  .text(end)
                  .raw("</a>");
            }
          }
        }
        List<String> details = new ArrayList<>();
        for (String property : LINK_DETAILS) {
          details.addAll(link.values(property));
        }
        if (!details.isEmpty()) {
          page.raw(" <span class=\"hint\">").text(String.join(" · ", details)).raw("</span>");
        }
        page.raw("</li>");
      }
      page.raw("</ul>");
    }
    ctx.html(page.end());
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
