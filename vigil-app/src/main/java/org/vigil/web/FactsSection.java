/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.vigil.auth.Principal;
import org.vigil.claims.FactStatus;
import org.vigil.weighing.ClaimWeighings;

/**
 * The entity page's "Claims weighed" section: each fact about the entity with its status
 * (corroborated by N independent origins, single origin, disputed, denied) and, when disputed, why,
 * its corroboration counts and who says it, each linking to its claim page. Grades are shown
 * beside, never blended; an analyst who may grade finds each origin's grade form (and the undo of a
 * grade in force) folded under it, working with or without JavaScript ({@link GradeForms}).
 */
final class FactsSection {
  private FactsSection() {}

  /**
   * The section; {@code grader} is the reader when they may grade, {@code back} this page's path.
   */
  static void render(
      Html page, List<ClaimWeighings.Fact> facts, Optional<Principal> grader, String back) {
    if (facts.isEmpty()) {
      return;
    }
    page.raw("<h2>Claims weighed</h2><div id=\"facts\"");
    grader.ifPresent(who -> page.raw(" data-csrf=\"").text(who.csrfToken().orElse("")).raw("\""));
    page.raw("><table class=\"statements facts\"><thead><tr>")
        .raw("<th>fact</th><th>status</th><th>corroboration</th><th>who says it</th>")
        .raw("</tr></thead><tbody>");
    for (ClaimWeighings.Fact f : facts) {
      String first = f.claims().get(0).claimId();
      page.raw("<tr class=\"fact fact-")
          .text(f.status().code())
          .raw("\"><td><a href=\"/claims/")
          .text(URLEncoder.encode(first, StandardCharsets.UTF_8))
          .raw("\">")
          .text(f.caption())
          .raw("</a></td><td><span class=\"status status-")
          .text(f.status().code())
          .raw("\">")
          .text(f.status().label())
          .raw("</span>");
      reasons(page, f);
      page.raw("</td><td>").text(f.corroboration().describe()).raw("</td><td>");
      for (ClaimWeighings.OriginGroup g : f.origins()) {
        ClaimWeighings.ClaimLine l = g.claims().get(0);
        page.raw("<div class=\"origin-line\"><span class=\"origin\">")
            .text(g.label() + " (" + l.stance().word() + ", credibility ")
            .text(Integer.toString(l.credibilityInForce().grade()))
            .text(l.credibility().isPresent() ? " graded" : "")
            .text(", source " + l.sourceReliability().name() + ")")
            .raw("</span>");
        grader.ifPresent(who -> forms(page, who, g, back));
        page.raw("</div>");
      }
      page.raw("</td></tr>");
    }
    page.raw("</tbody></table><p id=\"grade-status\" role=\"status\"></p></div>");
  }

  /**
   * Why a disputed fact is disputed: each value that cannot hold together with it and the reason,
   * or, when its own claims disagree, that independent origins assert and deny it.
   */
  private static void reasons(Html page, ClaimWeighings.Fact f) {
    if (f.status().kind() != FactStatus.Kind.DISPUTED) {
      return;
    }
    page.raw("<ul class=\"dispute-reasons\">");
    if (f.conflicts().isEmpty()) {
      page.raw("<li class=\"dispute-reason\">independent origins assert it and deny it</li>");
    }
    for (ClaimWeighings.Conflicting c : f.conflicts()) {
      page.raw("<li class=\"dispute-reason\">cannot hold with ")
          .text(c.caption())
          .raw(": ")
          .text(c.reason())
          .raw("</li>");
    }
    page.raw("</ul>");
  }

  /** The grade form of an origin's first claim and the undo of its claims' grades in force. */
  private static void forms(Html page, Principal who, ClaimWeighings.OriginGroup g, String back) {
    page.raw(" <details class=\"grade\"><summary>grade</summary>");
    for (ClaimWeighings.ClaimLine l : g.claims()) {
      l.credibility().ifPresent(grade -> GradeForms.undo(page, who, grade.id(), back));
    }
    GradeForms.claim(page, who, g.claims().get(0).claimId(), back);
    page.raw("</details>");
  }
}
