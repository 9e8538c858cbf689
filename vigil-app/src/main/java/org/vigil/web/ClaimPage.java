/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.claims.FactStatus;
import org.vigil.http.Backend;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.weighing.ClaimWeighings;

/**
 * The claim page: who said what, when, with which stance, grouped by independent origin, with the
 * fact's status and corroboration and, kept apart, each source's reliability and each claim's
 * credibility (suggested, or graded). An analyst grades a claim or a source and undoes a grade here
 * with plain forms ({@link GradeForms}); {@code claims.js}, where it runs, posts them to the grades
 * API instead.
 */
public final class ClaimPage {
  private final Supplier<Backend> backend;

  public ClaimPage(Supplier<Backend> backend) {
    this.backend = requireNonNull(backend, "backend");
  }

  public void register(Routes routes) {
    routes.page("/claims/{id}", Permission.READ, this::render);
  }

  private void render(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    Optional<ClaimWeighings.Fact> found =
        new ClaimWeighings(backend.get().store()).claim(id, who.viewer());
    if (found.isEmpty()) {
      ctx.status(404);
      ctx.html(
          Html.page("Not found", who, "")
              .raw("<h1>Not found</h1><p class=\"error\">There is no claim ")
              .text(id)
              .raw(" that you may see.</p>")
              .end());
      return;
    }
    ClaimWeighings.Fact f = found.get();
    boolean mayGrade = who.viewer().may(Permission.JUDGE);
    Html page = Html.page(f.caption(), who, "");
    heading(page, f);
    page.raw("<div id=\"claims\" data-csrf=\"").text(who.csrfToken().orElse("")).raw("\">");
    for (ClaimWeighings.OriginGroup g : f.origins()) {
      page.raw("<section class=\"origin\"><h2>Origin: ").text(g.label()).raw("</h2>");
      page.raw("<table class=\"statements claims\"><thead><tr><th>claimant</th><th>stance</th>")
          .raw("<th>what was said</th><th>when</th><th>source</th><th>source reliability</th>")
          .raw("<th>credibility</th></tr></thead><tbody>");
      for (ClaimWeighings.ClaimLine l : g.claims()) {
        line(page, l, mayGrade ? Optional.of(who) : Optional.empty(), back(id));
      }
      page.raw("</tbody></table></section>");
    }
    page.raw("<p id=\"grade-status\" role=\"status\"></p>");
    ClaimDeclarations.render(page, f, id, mayGrade);
    page.raw("</div>");
    page.raw("<p class=\"hint\">Reliability A–F and credibility 1–6 in the words of the")
        .raw(" admiralty scale; corroboration counts independent origins (copies, relays and")
        .raw(" quotes of one party count once). They are kept apart, never one score.</p>");
    page.raw("<script src=\"/assets/claims.js\" defer></script>");
    ctx.html(page.end());
  }

  private static void heading(Html page, ClaimWeighings.Fact f) {
    page.raw("<h1>")
        .text(f.caption())
        .raw("</h1><p class=\"fact-status\"><span id=\"fact-status\" class=\"status status-")
        .text(f.status().code())
        .raw("\">")
        .text(f.status().label())
        .raw("</span> · <span id=\"corroboration\">")
        .text(f.corroboration().describe())
        .raw("</span></p>");
    if (f.status().kind() == FactStatus.Kind.DISPUTED && f.conflicts().isEmpty()) {
      page.raw("<p class=\"hint dispute-reason\">Independent origins assert it and deny it.</p>");
    }
    if (!f.conflicts().isEmpty()) {
      page.raw("<p class=\"hint\">Cannot hold together with:</p><ul id=\"conflicts\">");
      for (ClaimWeighings.Conflicting c : f.conflicts()) {
        page.raw("<li>").text(c.caption()).raw(": <span class=\"reason\">").text(c.reason());
        page.raw("</span></li>");
      }
      page.raw("</ul>");
    }
  }

  /** This page's own path: where its grade forms return. */
  private static String back(String id) {
    return "/claims/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  /** One claim; {@code grader} is the reader when they may grade, with the forms to do it. */
  private static void line(
      Html page, ClaimWeighings.ClaimLine l, Optional<Principal> grader, String back) {
    page.raw("<tr class=\"claim\" data-claim=\"")
        .text(l.claimId())
        .raw("\" data-source=\"")
        .text(l.sourceId())
        .raw("\"><td>")
        .text(l.claimant())
        .raw("</td><td class=\"stance stance-")
        .text(l.stance().word())
        .raw("\">")
        .text(l.stance().word())
        .raw("</td><td>")
        .text(l.evidence().orElse(""))
        .raw("</td><td>")
        .text(l.date().orElse(l.seen().toString().substring(0, 10)))
        .raw("</td><td><a href=\"/documents/")
        .text(l.sourceId())
        .raw("\">")
        .text(l.sourceTitle())
        .raw("</a></td><td><span class=\"reliability\">")
        .text(l.sourceReliability().name() + " — " + l.sourceReliability().description())
        .raw("</span>");
    grader.ifPresent(who -> GradeForms.source(page, who, l.sourceId(), back));
    credibility(page, l, grader, back);
    page.raw("</td></tr>");
  }

  private static void credibility(
      Html page, ClaimWeighings.ClaimLine l, Optional<Principal> grader, String back) {
    page.raw("</td><td><span class=\"credibility\">")
        .text(
            l.credibilityInForce().grade()
                + " — "
                + l.credibilityInForce().expanded()
                + (l.credibility().isPresent() ? " (graded)" : " (suggested)"))
        .raw("</span><br><span class=\"hint\">suggested ")
        .text(l.suggested().credibility().grade() + ": " + l.suggested().why())
        .raw("</span>");
    l.credibility()
        .ifPresent(
            g -> {
              page.raw("<br><span class=\"hint\">")
                  .text(
                      "graded by " + g.gradedBy() + (g.reason().isEmpty() ? "" : ": " + g.reason()))
                  .raw("</span>");
              grader.ifPresent(who -> GradeForms.undo(page, who, g.id(), back));
            });
    grader.ifPresent(who -> GradeForms.claim(page, who, l.claimId(), back));
  }
}
