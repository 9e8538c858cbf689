/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.http.Backend;
import org.vigil.http.RequestGuard;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;
import org.vigil.store.TipRepository;
import org.vigil.tips.TeamKeyFile;
import org.vigil.tips.TipDesk;
import org.vigil.tips.TipHandling;
import org.vigil.tips.triage.TipTriage;

/**
 * The tip handlers' pages: the queue with each tip's triage, and a tip's page with its thread, its
 * cleaned attachments, and forms to reply, set the priority and release it into a case. Plain HTML
 * posts, no script. Only the TIPS permission opens them: analysts are refused, and a tip of another
 * organisation is as absent as one that does not exist.
 */
public final class TipPages {
  private final Supplier<Backend> backend;
  private final TipHandling handling;

  public TipPages(Supplier<Backend> backend, TipHandling handling) {
    this.backend = requireNonNull(backend, "backend");
    this.handling = requireNonNull(handling, "handling");
  }

  public void register(Routes routes) {
    routes.page("/tips", Permission.TIPS, this::queue);
    routes.page("/tips/{id}", Permission.TIPS, this::show);
    routes.pagePost("/tips/{id}/priority", Permission.TIPS, this::priority);
    routes.pagePost("/tips/{id}/replies", Permission.TIPS, this::reply);
    routes.pagePost("/tips/{id}/release", Permission.TIPS, this::release);
  }

  private Optional<TipDesk> desk(Context ctx) {
    try {
      return Optional.of(handling.desk(backend.get().store()));
    } catch (TeamKeyFile.Unavailable e) {
      ctx.status(503);
      ctx.html(Html.errorPage(503, e.getMessage()));
      return Optional.empty();
    }
  }

  private static TipDesk.Handler handler(Context ctx) {
    Principal who = Requests.principal(ctx);
    return new TipDesk.Handler(
        who.user().id(), who.viewer().orgId(), Requests.remoteAddress(ctx), who.viewer());
  }

  static String href(String tipId) {
    return "/tips/" + URLEncoder.encode(tipId, StandardCharsets.UTF_8);
  }

  private void queue(Context ctx) {
    Optional<TipDesk> desk = desk(ctx);
    if (desk.isEmpty()) {
      return;
    }
    Principal who = Requests.principal(ctx);
    List<TipDesk.QueuedTip> queued = desk.get().queue(handler(ctx));
    Html page = Html.page("Tips", who, "");
    page.raw("<h1>Tips</h1>");
    if (queued.isEmpty()) {
      page.raw("<p class=\"hint\" id=\"tip-queue-empty\">No tips wait.</p>");
      ctx.html(page.end());
      return;
    }
    page.raw("<table class=\"tips\" id=\"tip-queue\"><thead><tr><th>Tip</th><th>Received</th>")
        .raw("<th>Priority</th><th>Language</th><th>Group</th><th>Known entities</th>")
        .raw("<th>Screening</th></tr></thead><tbody>");
    for (TipDesk.QueuedTip q : queued) {
      row(page, q);
    }
    page.raw("</tbody></table>");
    ctx.html(page.end());
  }

  private static void row(Html page, TipDesk.QueuedTip q) {
    TipRepository.Tip tip = q.tip();
    page.raw("<tr class=\"tip\" data-tip=\"")
        .text(tip.id())
        .raw("\"><td>")
        .link(href(tip.id()), tip.id())
        .raw("</td><td>")
        .text(tip.receivedOn().toString())
        .raw("</td><td class=\"priority\">")
        .text(Integer.toString(tip.priority()))
        .raw("</td>");
    if (q.triage().isEmpty()) {
      page.raw("<td colspan=\"4\" class=\"hint\">waiting for triage</td></tr>");
      return;
    }
    TipTriage t = q.triage().get();
    page.raw("<td class=\"language\">").text(t.language().code()).raw("</td><td class=\"group\">");
    page.text(q.groupSize() > 1 ? q.groupSize() + " copies" : "alone");
    if (q.spam()) {
      page.raw(" <span class=\"spam\">spam?</span>");
    }
    page.raw("</td><td class=\"links\">");
    links(page, t);
    page.raw("</td><td class=\"screening\">");
    hits(page, t);
    page.raw("</td></tr>");
  }

  private static void links(Html page, TipTriage t) {
    for (TipTriage.Link l : t.links()) {
      page.raw("<a class=\"entity\" href=\"")
          .text("/entities/" + URLEncoder.encode(l.entityId(), StandardCharsets.UTF_8))
          .raw("\">")
          .text(l.caption())
          .raw("</a> ");
    }
  }

  private static void hits(Html page, TipTriage t) {
    for (TipTriage.Hit h : t.hits()) {
      page.raw("<span class=\"hit\">")
          .text(h.name())
          .raw(" ≈ ")
          .link("/entities/" + URLEncoder.encode(h.entryId(), StandardCharsets.UTF_8), h.caption())
          .raw(" (")
          .text(h.dataset() + ", " + String.format(java.util.Locale.ROOT, "%.2f", h.score()))
          .raw(")</span> ");
    }
  }

  private void show(Context ctx) {
    Optional<TipDesk> desk = desk(ctx);
    if (desk.isEmpty()) {
      return;
    }
    String id = ctx.pathParam("id");
    TipDesk.Handler by = handler(ctx);
    Optional<TipDesk.OpenedTip> tip = desk.get().open(id, by);
    if (tip.isEmpty()) {
      notFound(ctx, id);
      return;
    }
    Principal who = Requests.principal(ctx);
    Html page = Html.page("Tip " + id, who, "");
    page.raw("<h1>Tip ")
        .text(id)
        .raw("</h1><p class=\"tip-meta\">Received ")
        .text(tip.get().tip().receivedOn().toString())
        .raw(" · ")
        .text(tip.get().tip().status().code())
        .raw(" · priority <span id=\"tip-priority\">")
        .text(Integer.toString(tip.get().tip().priority()))
        .raw("</span></p>");
    desk.get()
        .released(id, by)
        .ifPresent(
            r ->
                page.raw("<p id=\"tip-released\">Released into case ")
                    .link(CasePages.href(r.caseId()), r.caseId())
                    .raw(" as ")
                    .text(r.tlp())
                    .raw("</p>"));
    desk.get().triage(id, by).ifPresent(t -> TipSections.triage(page, t));
    TipSections.thread(page, tip.get());
    TipSections.attachments(page, id, tip.get());
    if (tip.get().tip().status() == TipRepository.Status.NEW) {
      TipSections.forms(page, who, id, tip.get().tip().priority(), desk.get().cases(by));
    }
    ctx.html(page.end());
  }

  private static void notFound(Context ctx, String id) {
    ctx.status(404);
    ctx.html(Html.errorPage(404, "There is no tip " + id + " that you may see."));
  }

  private void priority(Context ctx) {
    String id = ctx.pathParam("id");
    int priority;
    try {
      priority = Integer.parseInt(field(ctx, "priority").strip());
    } catch (NumberFormatException e) {
      priority = -1;
    }
    if (priority < 0 || priority > 3) {
      refuse(ctx, 400, "A tip's priority is a whole number from 0 to 3.");
      return;
    }
    Optional<TipDesk> desk = desk(ctx);
    if (desk.isEmpty()) {
      return;
    }
    if (!desk.get().setPriority(id, priority, handler(ctx))) {
      notFound(ctx, id);
      return;
    }
    ctx.redirect(href(id), HttpStatus.SEE_OTHER);
  }

  private void reply(Context ctx) {
    String id = ctx.pathParam("id");
    String text = field(ctx, "text");
    if (text.isBlank() || text.strip().length() > TipDesk.MAX_REPLY_CHARS) {
      refuse(ctx, 400, "A reply has 1 to " + TipDesk.MAX_REPLY_CHARS + " characters.");
      return;
    }
    Optional<TipDesk> desk = desk(ctx);
    if (desk.isEmpty()) {
      return;
    }
    if (!desk.get().reply(id, text, handler(ctx))) {
      notFound(ctx, id);
      return;
    }
    ctx.redirect(href(id) + "#thread", HttpStatus.SEE_OTHER);
  }

  private void release(Context ctx) {
    String id = ctx.pathParam("id");
    Tlp tlp;
    try {
      tlp = Tlp.parse(field(ctx, "tlp"));
    } catch (InvalidValueException e) {
      refuse(ctx, 400, e.getMessage());
      return;
    }
    Optional<TipDesk> desk = desk(ctx);
    if (desk.isEmpty()) {
      return;
    }
    TipDesk.Released done =
        desk.get()
            .release(
                id,
                field(ctx, "case").strip(),
                tlp,
                handler(ctx),
                handling.intake(backend.get().store()));
    if (done instanceof TipDesk.NotReleased no) {
      if (no.noSuchTip()) {
        notFound(ctx, id);
      } else {
        refuse(ctx, 409, no.reason());
      }
      return;
    }
    ctx.redirect(href(id), HttpStatus.SEE_OTHER);
  }

  private static void refuse(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.html(Html.errorPage(status, message));
  }

  private static String field(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  /** The session's CSRF token as a hidden field of a form. */
  static void token(Html page, Principal who) {
    page.raw("<input type=\"hidden\" name=\"")
        .text(RequestGuard.CSRF_FIELD)
        .raw("\" value=\"")
        .text(who.csrfToken().orElse(""))
        .raw("\">");
  }
}
