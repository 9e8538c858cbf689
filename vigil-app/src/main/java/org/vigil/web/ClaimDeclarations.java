/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.Map;
import org.vigil.claims.Likelihood;
import org.vigil.claims.LinkKind;
import org.vigil.store.Assessment;
import org.vigil.store.DeclaredLink;
import org.vigil.weighing.ClaimWeighings;

/**
 * The claim page's part for what analysts declare: the links of derivation that touch the fact's
 * sources and parties, and the assessments of its claims with their likelihood and its range; for
 * analysts who may judge, the forms to declare a link, record an assessment and undo either ({@code
 * claims.js} posts them to the API).
 */
final class ClaimDeclarations {
  private ClaimDeclarations() {}

  static void render(Html page, ClaimWeighings.Fact f, String claimId, boolean mayJudge) {
    links(page, f, mayJudge);
    assessments(page, f, claimId, mayJudge);
  }

  private static void links(Html page, ClaimWeighings.Fact f, boolean mayJudge) {
    page.raw("<section id=\"origin-links\"><h2>Where the reports come from</h2>");
    page.raw("<p class=\"hint\">Sources and parties joined by a declared link count as one")
        .raw(" independent origin for your organisation.</p><ul class=\"origin-links\">");
    for (DeclaredLink l : f.links()) {
      page.raw("<li class=\"origin-link\">")
          .text(label(f.ends(), l.link().from()))
          .raw(" <em>")
          .text(words(l.link().kind()))
          .raw("</em> ")
          .text(label(f.ends(), l.link().to()))
          .text(l.reason().isEmpty() ? "" : " (" + l.reason() + ")")
          .raw(" <span class=\"hint\">")
          .text("declared by " + l.madeBy())
          .raw("</span>");
      if (mayJudge) {
        page.raw(" <button type=\"button\" class=\"undo-link\" data-link=\"")
            .text(Long.toString(l.id()))
            .raw("\">Undo link</button>");
      }
      page.raw("</li>");
    }
    page.raw("</ul>");
    if (f.links().isEmpty()) {
      page.raw("<p class=\"hint\">No link declared.</p>");
    }
    if (mayJudge) {
      page.raw("<form id=\"link-form\" class=\"declare\">");
      endSelect(page, f.ends(), "from", "This source or party");
      page.raw("<select name=\"kind\" aria-label=\"How\">");
      for (LinkKind k : LinkKind.values()) {
        page.raw("<option value=\"").text(k.code()).raw("\">").text(words(k)).raw("</option>");
      }
      page.raw("</select>");
      endSelect(page, f.ends(), "to", "That source or party");
      page.raw("<input type=\"text\" name=\"reason\" maxlength=\"500\" placeholder=\"why\"")
          .raw(" aria-label=\"Why\"> <button type=\"submit\">Declare link</button></form>")
          .raw("<p id=\"link-status\" role=\"status\"></p>");
    }
    page.raw("</section>");
  }

  private static void endSelect(Html page, Map<String, String> ends, String name, String label) {
    page.raw("<select name=\"").text(name).raw("\" aria-label=\"").text(label).raw("\">");
    ends.forEach(
        (id, caption) ->
            page.raw("<option value=\"")
                .text(id)
                .raw("\">")
                .text(caption + (id.startsWith("party:") ? " (party)" : " (source)"))
                .raw("</option>"));
    page.raw("</select>");
  }

  private static void assessments(
      Html page, ClaimWeighings.Fact f, String claimId, boolean mayJudge) {
    page.raw("<section id=\"assessments\"><h2>Assessments</h2><ul class=\"assessments\">");
    for (Assessment a : f.assessments()) {
      page.raw("<li class=\"assessment")
          .raw(a.inForce() ? "" : " undone")
          .raw("\">")
          .raw("<span class=\"likelihood\">")
          .text(range(a.likelihood()))
          .raw("</span>: ")
          .text(a.statement())
          .raw(" <span class=\"hint\">")
          .text((a.inForce() ? "assessed by " : "undone; was assessed by ") + a.madeBy())
          .raw("</span>");
      if (mayJudge && a.inForce()) {
        page.raw(" <button type=\"button\" class=\"undo-assessment\" data-assessment=\"")
            .text(Long.toString(a.id()))
            .raw("\">Undo assessment</button>");
      }
      page.raw("</li>");
    }
    page.raw("</ul>");
    if (mayJudge) {
      page.raw("<form id=\"assess-form\" class=\"declare\" data-subject=\"")
          .text(claimId)
          .raw("\"><select name=\"likelihood\" aria-label=\"Likelihood\">");
      for (Likelihood l : Likelihood.values()) {
        page.raw("<option value=\"").text(l.code()).raw("\">").text(range(l)).raw("</option>");
      }
      page.raw("</select> <input type=\"text\" name=\"statement\" maxlength=\"2000\"")
          .raw(" placeholder=\"what you assess\" aria-label=\"Assessment\" required>")
          .raw(" <button type=\"submit\">Record assessment</button></form>")
          .raw("<p id=\"assess-status\" role=\"status\"></p>");
    }
    page.raw("</section>");
  }

  /** "likely (55–80%)". */
  static String range(Likelihood l) {
    return l.words() + " (" + l.lowPercent() + "–" + l.highPercent() + "%)";
  }

  private static String label(Map<String, String> ends, String id) {
    String caption = ends.get(id);
    if (caption != null) {
      return caption;
    }
    return id.startsWith("party:") ? id.substring("party:".length()) : id;
  }

  private static String words(LinkKind k) {
    return switch (k) {
      case COPIED_FROM -> "copies";
      case DERIVED_FROM -> "cites or rewrites";
      case SAME_AUTHOR -> "has the same author as";
      case SAME_FEED -> "came through the same feed as";
      case QUOTES -> "quotes";
    };
  }
}
