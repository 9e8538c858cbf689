/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import org.vigil.auth.Principal;
import org.vigil.http.RequestGuard;
import org.vigil.model.Credibility;
import org.vigil.model.Reliability;

/**
 * The forms that grade a claim or a source and undo a grade: plain HTML forms posted to {@link
 * GradePages} with the session's CSRF token, which then return to the page they came from, so
 * grading works without JavaScript; {@code claims.js} sends the same forms to the API and reloads.
 */
final class GradeForms {
  private GradeForms() {}

  /** A form that grades the credibility of {@code claimId}, with a reason. */
  static void claim(Html page, Principal who, String claimId, String back) {
    open(page, who, "/grades", "grade-form grade-claim-form", back);
    hidden(page, "target", "claim");
    hidden(page, "id", claimId);
    page.raw("<select name=\"grade\" class=\"grade-claim\" aria-label=\"Grade the claim\">")
        .raw("<option value=\"\">grade…</option>");
    for (Credibility c : Credibility.values()) {
      page.raw("<option value=\"")
          .text(Integer.toString(c.grade()))
          .raw("\">")
          .text(c.grade() + " " + c.expanded())
          .raw("</option>");
    }
    page.raw("</select> <input type=\"text\" name=\"reason\" class=\"grade-reason\"")
        .raw(" maxlength=\"500\" placeholder=\"why\" aria-label=\"Why\">")
        .raw(" <button type=\"submit\" class=\"grade-button\">Grade</button></form>");
  }

  /** A form that grades the reliability of the source {@code sourceId}. */
  static void source(Html page, Principal who, String sourceId, String back) {
    open(page, who, "/grades", "grade-form grade-source-form", back);
    hidden(page, "target", "source");
    hidden(page, "id", sourceId);
    page.raw("<select name=\"grade\" class=\"grade-source\" aria-label=\"Grade the source\">")
        .raw("<option value=\"\">grade…</option>");
    for (Reliability r : Reliability.values()) {
      page.raw("<option value=\"")
          .text(r.name())
          .raw("\">")
          .text(r.name() + " " + r.description())
          .raw("</option>");
    }
    page.raw("</select> <button type=\"submit\" class=\"grade-button\">Grade source</button>")
        .raw("</form>");
  }

  /** A form that undoes the grade {@code gradeId}. */
  static void undo(Html page, Principal who, long gradeId, String back) {
    open(page, who, "/grades/" + gradeId + "/undo", "undo-grade-form", back);
    page.raw("<button type=\"submit\" class=\"undo-grade\" data-grade=\"")
        .text(Long.toString(gradeId))
        .raw("\">Undo grade</button></form>");
  }

  private static void open(Html page, Principal who, String action, String css, String back) {
    page.raw("<form method=\"post\" class=\"")
        .text(css)
        .raw("\" action=\"")
        .text(action)
        .raw("\">");
    hidden(page, RequestGuard.CSRF_FIELD, who.csrfToken().orElse(""));
    hidden(page, "back", back);
  }

  private static void hidden(Html page, String name, String value) {
    page.raw("<input type=\"hidden\" name=\"").text(name).raw("\" value=\"").text(value).raw("\">");
  }
}
