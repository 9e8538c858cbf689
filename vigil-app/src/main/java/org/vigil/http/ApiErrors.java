/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.model.InvalidValueException;
import org.vigil.web.Html;
import org.vigil.web.SignInPage;

/**
 * Turns every failure into {@code {"error": {"code", "message"}}} with its status. Unexpected
 * exceptions are logged with a reference and reach the client only as that reference, never with
 * their details.
 */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** The JSON shape of an error. */
  record Body(Detail error) {}

  /** The code (stable, for programs) and message (for people) of an error. */
  record Detail(String code, String message) {}

  private static final Map<Integer, String> CODES =
      Map.of(
          400, "bad_request",
          401, "unauthenticated",
          403, "forbidden",
          404, "not_found",
          405, "method_not_allowed",
          413, "too_large",
          415, "unsupported_media_type",
          429, "too_many_attempts",
          503, "unavailable");

  private ApiErrors() {}

  static void install(Javalin app) {
    app.exception(ApiException.class, ApiErrors::apiException);
    app.exception(
        RequestGuard.SignInRequired.class,
        (e, ctx) -> ctx.redirect(SignInPage.signInUrl(e.target), HttpStatus.SEE_OTHER));
    app.exception(
        InvalidValueException.class, (e, ctx) -> write(ctx, 400, "invalid_value", e.getMessage()));
    app.exception(
        org.vigil.search.SearchUnavailableException.class,
        (e, ctx) -> {
          // The cluster's address and reason go to the log, not to the caller.
          LOG.warn("search unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          ctx.header("Retry-After", "5");
          write(ctx, 503, "search_unavailable", "search is unavailable for now; try again shortly");
        });
    app.exception(
        org.vigil.store.StoreUnavailableException.class,
        (e, ctx) -> {
          // The database restarting or away: nothing half-written; the client may try again.
          LOG.warn("database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          ctx.header("Retry-After", "5");
          write(
              ctx,
              503,
              "store_unavailable",
              "the database is unavailable for now; try again shortly");
        });
    app.exception(HttpResponseException.class, ApiErrors::javalinResponse);
    app.exception(Exception.class, ApiErrors::unexpected);
    app.error(404, ctx -> fillIfEmpty(ctx, "not_found", "no such route: " + ctx.path()));
    app.error(
        405,
        ctx ->
            fillIfEmpty(
                ctx,
                "method_not_allowed",
                ctx.method().name() + " is not allowed on " + ctx.path()));
  }

  static void write(Context ctx, int status, String code, String message) {
    if (TaxiiMedia.concerns(ctx)) {
      TaxiiMedia.error(ctx, status, message);
    } else if (ctx.path().startsWith(Routes.PREFIX + "/") || ctx.path().equals(Routes.PREFIX)) {
      ctx.status(status).json(new Body(new Detail(code, message)));
    } else {
      // A page or a form of the web UI: a person reads the refusal, so it comes as a page.
      ctx.status(status).html(Html.errorPage(status, message));
    }
  }

  private static void apiException(ApiException e, Context ctx) {
    e.retryAfter()
        .ifPresent(d -> ctx.header("Retry-After", Long.toString(Math.max(1, d.toSeconds() + 1))));
    write(ctx, e.status(), e.code(), e.getMessage());
  }

  private static void javalinResponse(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    if (status >= 500) {
      unexpected(e, ctx);
      return;
    }
    String code = CODES.getOrDefault(status, "bad_request");
    String message =
        switch (status) {
          case 404 -> "no such route: " + ctx.path();
          case 405 -> ctx.method().name() + " is not allowed on " + ctx.path();
          case 413 -> "the request body is too large";
          default -> "the request was refused (" + status + ")";
        };
    write(ctx, status, code, message);
  }

  private static void unexpected(Exception e, Context ctx) {
    String reference =
        Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    LOG.error("internal error {} on {} {}", reference, ctx.method(), ctx.path(), e);
    write(
        ctx,
        500,
        "internal",
        "an internal error occurred; it was logged with reference " + reference);
  }

  private static void fillIfEmpty(Context ctx, String code, String message) {
    String existing = ctx.result();
    if (existing == null || existing.isEmpty()) {
      write(ctx, ctx.statusCode(), code, message);
    }
  }
}
