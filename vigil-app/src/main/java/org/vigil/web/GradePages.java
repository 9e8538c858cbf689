/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.http.Backend;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.store.Grade;
import org.vigil.weighing.Grading;

/**
 * The grade forms of the claim and entity pages ({@link GradeForms}) posted without JavaScript:
 * {@code POST /grades} grades a claim or a source, {@code POST /grades/{id}/undo} undoes a grade,
 * both through {@link Grading} (audited, the organisation's own) and then back to the page the form
 * was on. A refusal (a grade off the scale, a claim the analyst cannot see) is a page naming it.
 */
public final class GradePages {
  /** Where a form may send the analyst back to: a claim or entity page of this server. */
  private static final Pattern BACK = Pattern.compile("/(claims|entities)/[^/\\\\?#]{1,500}");

  private final Supplier<Backend> backend;
  private final Clock clock;

  public GradePages(Supplier<Backend> backend, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.clock = requireNonNull(clock, "clock");
  }

  public void register(Routes routes) {
    routes.pagePost("/grades", Permission.JUDGE, this::grade);
    routes.pagePost("/grades/{id}/undo", Permission.JUDGE, this::undo);
  }

  private void grade(Context ctx) {
    String target = field(ctx, "target");
    String id = field(ctx, "id");
    String grade = field(ctx, "grade");
    String reason = field(ctx, "reason");
    Grading grading = new Grading(backend.get().store(), clock);
    Grading.Outcome<Grade> outcome =
        switch (target) {
          case "claim" -> grading.gradeClaim(id, grade, reason, actor(ctx));
          case "source" -> grading.gradeSource(id, grade, reason, actor(ctx));
          default ->
              new Grading.Refused<>(
                  Grading.Refusal.INVALID_VALUE, "target '" + target + "' is not claim or source");
        };
    if (done(ctx, outcome)) {
      String fallback =
          target.equals("claim") ? "/claims/" + URLEncoder.encode(id, StandardCharsets.UTF_8) : "/";
      ctx.redirect(back(ctx, fallback), HttpStatus.SEE_OTHER);
    }
  }

  private void undo(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      refuse(ctx, 400, "'" + ctx.pathParam("id") + "' is not a grade id");
      return;
    }
    Grading grading = new Grading(backend.get().store(), clock);
    if (done(ctx, grading.undoGrade(id, actor(ctx)))) {
      ctx.redirect(back(ctx, "/"), HttpStatus.SEE_OTHER);
    }
  }

  private static boolean done(Context ctx, Grading.Outcome<Grade> outcome) {
    if (outcome instanceof Grading.Done<Grade>) {
      return true;
    }
    Grading.Refused<Grade> r = (Grading.Refused<Grade>) outcome;
    refuse(
        ctx,
        switch (r.reason()) {
          case INVALID_VALUE -> 400;
          case UNKNOWN_TARGET, UNKNOWN_GRADE -> 404;
        },
        r.message());
    return false;
  }

  private static void refuse(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.html(Html.errorPage(status, message));
  }

  /** The page the form came from, if it is a claim or entity page here; else {@code fallback}. */
  static String back(Context ctx, String fallback) {
    String back = field(ctx, "back");
    return BACK.matcher(back).matches() ? back : fallback;
  }

  private static Grading.Actor actor(Context ctx) {
    Principal who = Requests.principal(ctx);
    return new Grading.Actor(who.user().id(), who.viewer(), Requests.remoteAddress(ctx));
  }

  private static String field(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }
}
