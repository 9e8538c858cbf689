/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.report.CaseReports;
import org.vigil.cases.report.ReportFormat;
import org.vigil.http.Backend;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;
import org.vigil.store.StoredCase;

/**
 * The case pages: the list of the reader's cases with a form to open one, and a case's page ({@link
 * CasePage}); the forms post here, call {@link Cases} and come back to the case's page, or show why
 * they were refused.
 */
public final class CasePages {
  private final Supplier<Backend> backend;
  private final Clock clock;

  public CasePages(Supplier<Backend> backend, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.clock = requireNonNull(clock, "clock");
  }

  public void register(Routes routes) {
    routes.page("/cases", Permission.READ, this::list);
    routes.pagePost("/cases", Permission.WRITE, this::create);
    routes.page("/cases/{id}", Permission.READ, this::show);
    routes.pagePost("/cases/{id}/items", Permission.WRITE, this::addItem);
    routes.pagePost("/cases/{id}/notes", Permission.WRITE, this::addNote);
    routes.pagePost("/cases/{id}/members", Permission.WRITE, this::share);
    routes.pagePost("/cases/{id}/status", Permission.WRITE, this::setStatus);
    routes.pagePost("/cases/{id}/delete", Permission.WRITE, this::delete);
    routes.pagePost("/cases/{id}/report", Permission.EXPORT, this::report);
    new CaseWorkPages(backend, clock).register(routes);
  }

  private Cases cases() {
    return new Cases(backend.get().store(), clock);
  }

  private void list(Context ctx) {
    Principal who = Requests.principal(ctx);
    List<StoredCase> mine = cases().list(who.viewer());
    Html page = Html.page("Cases", who, "");
    page.raw("<h1>Cases</h1>");
    if (mine.isEmpty()) {
      page.raw("<p class=\"hint\">No cases yet. Open one here, or from an entity's page.</p>");
    } else {
      page.raw("<ul class=\"cases\" id=\"case-list\">");
      for (StoredCase c : mine) {
        page.raw("<li>")
            .marking(c.marking())
            .raw(" ")
            .link(href(c.id()), c.title())
            .raw(" <span class=\"status status-")
            .text(c.status().code())
            .raw("\">")
            .text(c.status().code())
            .raw("</span></li>");
      }
      page.raw("</ul>");
    }
    if (who.may(Permission.WRITE)) {
      CaseForms.open(page, who, "", Optional.empty());
    }
    ctx.html(page.end());
  }

  private void create(Context ctx) {
    Cases.Actor actor = actor(ctx);
    Optional<StoredCase> made =
        done(ctx, cases().create(field(ctx, "title"), field(ctx, "tlp"), actor));
    if (made.isEmpty()) {
      return;
    }
    String id = made.get().id();
    String entity = field(ctx, "entity").strip();
    if (!entity.isEmpty()) {
      int depth = depth(field(ctx, "depth"));
      Cases.Outcome<List<String>> added =
          depth == 0
              ? cases().addItem(id, "entity", entity, actor)
              : cases().addNeighbourhood(id, entity, depth, List.of(), actor);
      if (done(ctx, added).isEmpty()) {
        return;
      }
    }
    ctx.redirect(href(id), HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    Optional<CaseView> view = cases().view(id, who.viewer());
    if (view.isEmpty()) {
      ctx.status(404);
      ctx.html(
          Html.page("Not found", who, "")
              .raw("<h1>Not found</h1><p class=\"error\">There is no case ")
              .text(id)
              .raw(" that you may see.</p>")
              .end());
      return;
    }
    ctx.html(CasePage.render(view.get(), who));
  }

  private void addItem(Context ctx) {
    String id = ctx.pathParam("id");
    String kind = field(ctx, "kind").isBlank() ? "entity" : field(ctx, "kind");
    int depth = depth(field(ctx, "depth"));
    Cases.Outcome<List<String>> added =
        kind.equals("entity") && depth > 0
            ? cases().addNeighbourhood(id, field(ctx, "item"), depth, List.of(), actor(ctx))
            : cases().addItem(id, kind, field(ctx, "item"), actor(ctx));
    if (done(ctx, added).isPresent()) {
      ctx.redirect(href(id), HttpStatus.SEE_OTHER);
    }
  }

  private void addNote(Context ctx) {
    String id = ctx.pathParam("id");
    if (done(ctx, cases().addNote(id, field(ctx, "markdown"), field(ctx, "tlp"), actor(ctx)))
        .isPresent()) {
      ctx.redirect(href(id) + "#notes", HttpStatus.SEE_OTHER);
    }
  }

  private void share(Context ctx) {
    String id = ctx.pathParam("id");
    if (done(
            ctx,
            cases()
                .share(
                    id, field(ctx, "kind"), field(ctx, "member"), field(ctx, "rights"), actor(ctx)))
        .isPresent()) {
      ctx.redirect(href(id), HttpStatus.SEE_OTHER);
    }
  }

  private void setStatus(Context ctx) {
    String id = ctx.pathParam("id");
    if (done(ctx, cases().setStatus(id, field(ctx, "status"), actor(ctx))).isPresent()) {
      ctx.redirect(href(id), HttpStatus.SEE_OTHER);
    }
  }

  private void delete(Context ctx) {
    if (done(ctx, cases().delete(ctx.pathParam("id"), actor(ctx))).isPresent()) {
      ctx.redirect("/cases", HttpStatus.SEE_OTHER);
    }
  }

  private void report(Context ctx) {
    CaseReports.Request request;
    try {
      request =
          new CaseReports.Request(
              field(ctx, "for"),
              ReportFormat.parse(field(ctx, "format").isBlank() ? "pdf" : field(ctx, "format")),
              Optional.of(field(ctx, "summary")),
              Tlp.parse(field(ctx, "summaryTlp").isBlank() ? "GREEN" : field(ctx, "summaryTlp")),
              List.of());
    } catch (InvalidValueException e) {
      ctx.status(400);
      ctx.html(Html.errorPage(400, e.getMessage()));
      return;
    }
    Optional<CaseReports.Written> w =
        done(
            ctx,
            new CaseReports(backend.get().store(), clock)
                .report(ctx.pathParam("id"), request, actor(ctx)));
    if (w.isPresent()) {
      ctx.contentType(w.get().format().mediaType());
      ctx.header("Content-Disposition", "attachment; filename=\"" + w.get().fileName() + "\"");
      ctx.result(w.get().bytes());
    }
  }

  /** The outcome's value; for a refusal, the error page with its status, and empty. */
  static <T> Optional<T> done(Context ctx, Cases.Outcome<T> outcome) {
    if (outcome instanceof Cases.Done<T> d) {
      return Optional.of(d.value());
    }
    Cases.Refused<T> r = (Cases.Refused<T>) outcome;
    int status =
        switch (r.reason()) {
          case INVALID_VALUE -> 400;
          case UNKNOWN -> 404;
          case NOT_ALLOWED -> 403;
          case MEMBER_REFUSED -> 422;
        };
    ctx.status(status);
    ctx.html(Html.errorPage(status, r.message()));
    return Optional.empty();
  }

  static Cases.Actor actor(Context ctx) {
    Principal who = Requests.principal(ctx);
    return new Cases.Actor(who.user().id(), who.viewer(), Requests.remoteAddress(ctx));
  }

  static String field(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  /** The depth a form asks for: 0 (the entity alone) to 3; anything else is 0. */
  private static int depth(String text) {
    return switch (text.strip()) {
      case "1" -> 1;
      case "2" -> 2;
      case "3" -> 3;
      default -> 0;
    };
  }

  static String href(String caseId) {
    return "/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8);
  }

  /** The TLP levels a form offers, least restrictive first. */
  static List<Tlp> levels() {
    return List.of(Tlp.values());
  }
}
