/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.http.AlertReviewRequests;
import org.vigil.http.Backend;
import org.vigil.http.RequestGuard;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.resolution.VisibleAlerts;
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.ListAlert;

/**
 * The alert page: the alerts the signed-in user may see ({@link VisibleAlerts}), new ones first,
 * each a designation ("listed") or a designation removed from its list ("delisted"), with the
 * store's entity id and the list's own id of the entry, and a button to mark it reviewed (who and
 * when are kept and shown, and the review is audited); below them, list updates that failed.
 */
public final class AlertsPage {
  static final int SHOWN = 200;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Supplier<Backend> backend;
  private final Clock clock;

  public AlertsPage(Supplier<Backend> backend, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.clock = requireNonNull(clock, "clock");
  }

  public void register(Routes routes) {
    routes.page("/alerts", Permission.READ, this::show);
    routes.pagePost("/alerts/{id}/review", Permission.JUDGE, this::review);
    routes.pagePost("/list-alerts/{id}/review", Permission.JUDGE, this::reviewListAlert);
  }

  private void show(Context ctx) {
    Principal who = Requests.principal(ctx);
    Backend b = backend.get();
    List<VisibleAlerts.Alert> alerts =
        VisibleAlerts.newest(b.store(), who.viewer())
            .limit(SHOWN)
            .sorted(Comparator.comparing((VisibleAlerts.Alert a) -> a.match().reviewed()))
            .toList();
    Html page = Html.page("Alerts", who, "");
    page.raw("<h1>Alerts</h1><section class=\"alerts\">");
    page.raw("<p class=\"hint\">Possible matches of the reporting you may see to sanctions list")
        .raw(" entries, raised when an entity is read and whenever a list changes: a new")
        .raw(" designation (<em>listed</em>) or an entry that left its list (<em>delisted</em>).")
        .raw(" New ones first, then the newest.</p>");
    if (alerts.isEmpty()) {
      page.raw("<p class=\"hint\">No alerts.</p>");
    } else {
      page.raw("<ul class=\"alerts\">");
      for (VisibleAlerts.Alert a : alerts) {
        alert(page, who, a.match(), a.entity());
      }
      page.raw("</ul>");
    }
    page.raw("</section>");
    listAlerts(page, who, b.store().resolution().listAlerts(SHOWN));
    ctx.html(page.end());
  }

  private static void alert(Html page, Principal who, PossibleMatch m, Entity entity) {
    page.raw("<li class=\"alert change-")
        .text(m.change().code())
        .raw("\" data-alert=\"")
        .text(Long.toString(m.id()))
        .raw("\"><span class=\"change\">")
        .text(m.change().code())
        .raw("</span> ");
    entity.statements().stream()
        .map(Statement::marking)
        .distinct()
        .sorted(Comparator.comparing(marking -> marking.tlp().ordinal()))
        .forEach(marking -> page.marking(marking).raw(" "));
    page.link(Html.hrefOf(entity.id(), entity.schema()), entity.caption())
        .raw(" <code class=\"entity-id\">")
        .text(entity.id())
        .raw("</code>")
        .raw(m.change() == PossibleMatch.Change.DELISTED ? " was matched to " : " may be ")
        .link(Html.hrefOf(m.listEntityId(), Schema.LEGAL_ENTITY), m.listCaption())
        .raw(" <span class=\"dataset\">")
        .text(m.dataset())
        .raw("</span> <span class=\"list-id\">list id ")
        .text(m.listEntryId())
        .raw("</span> <code class=\"list-entity-id\">")
        .text(m.listEntityId())
        .raw("</code> ");
    for (String programme : m.programmes()) {
      page.raw("<span class=\"programme\">").text(programme).raw("</span> ");
    }
    page.raw("<span class=\"score\">")
        .text(String.format(Locale.ROOT, "%.2f", m.score()))
        .raw("</span> ");
    status(page, m.review().isPresent());
    if (m.change() == PossibleMatch.Change.DELISTED) {
      page.raw("<div class=\"explanation\">The list in force no longer names ")
          .text(m.listEntryId())
          .raw(" of ")
          .text(m.dataset())
          .raw(": the designation was removed.</div>");
    }
    for (String line : m.explanation()) {
      page.raw("<div class=\"explanation\">").text(line).raw("</div>");
    }
    page.raw("<div class=\"hint\">raised ").text(WHEN.format(m.foundAt())).raw("</div>");
    reviewOrForm(page, who, m.review(), "/alerts/" + m.id() + "/review");
    page.raw("</li>");
  }

  private static void listAlerts(Html page, Principal who, List<ListAlert> alerts) {
    page.raw("<section class=\"list-alerts\"><h2>List updates that failed</h2>");
    if (alerts.isEmpty()) {
      page.raw("<p class=\"hint\">None.</p></section>");
      return;
    }
    page.raw("<ul class=\"list-alerts\">");
    for (ListAlert a : alerts) {
      page.raw("<li data-list-alert=\"")
          .text(Long.toString(a.id()))
          .raw("\"><span class=\"dataset\">")
          .text(a.listSource())
          .raw("</span> ");
      status(page, a.review().isPresent());
      page.raw("<div class=\"explanation\">")
          .text(a.detail())
          .raw("</div><div class=\"hint\">failed ")
          .text(WHEN.format(a.raisedAt()))
          .raw("</div>");
      reviewOrForm(page, who, a.review(), "/list-alerts/" + a.id() + "/review");
      page.raw("</li>");
    }
    page.raw("</ul></section>");
  }

  private static void status(Html page, boolean reviewed) {
    String status = reviewed ? "reviewed" : "new";
    page.raw("<span class=\"status status-").text(status).raw("\">").text(status).raw("</span>");
  }

  private static void reviewOrForm(
      Html page, Principal who, java.util.Optional<PossibleMatch.Review> review, String action) {
    if (review.isPresent()) {
      page.raw("<div class=\"reviewed\">reviewed by ")
          .text(review.get().by())
          .raw(" at ")
          .text(WHEN.format(review.get().at()))
          .raw("</div>");
      return;
    }
    if (!who.may(Permission.JUDGE) || who.csrfToken().isEmpty()) {
      return;
    }
    page.raw("<form class=\"review\" method=\"post\" action=\"")
        .text(action)
        .raw("\"><input type=\"hidden\" name=\"")
        .text(RequestGuard.CSRF_FIELD)
        .raw("\" value=\"")
        .text(who.csrfToken().get())
        .raw("\"><button type=\"submit\">Mark reviewed</button></form>");
  }

  private void review(Context ctx) {
    AlertReviewRequests.reviewAlert(ctx, backend.get(), clock);
    ctx.redirect("/alerts", HttpStatus.SEE_OTHER);
  }

  private void reviewListAlert(Context ctx) {
    AlertReviewRequests.reviewListAlert(ctx, backend.get(), clock);
    ctx.redirect("/alerts", HttpStatus.SEE_OTHER);
  }
}
