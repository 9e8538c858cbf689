/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.vigil.auth.Principal;
import org.vigil.cases.CaseMatrix;
import org.vigil.cases.CaseView;
import org.vigil.claims.AchRating;
import org.vigil.model.Tlp;
import org.vigil.store.CaseMember;
import org.vigil.store.CaseTask;

/**
 * The sections of a case's page for what analysts write in it: the hypotheses and their matrix
 * (evidence the reader may not see is not in it), the tasks, and each note's edit form and earlier
 * versions. Plain HTML forms, no script.
 */
final class CaseWorkPage {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private CaseWorkPage() {}

  static void hypotheses(Html page, Principal who, CaseView v) {
    CaseMatrix m = v.matrix();
    page.raw("<section id=\"case-hypotheses\"><h2>Hypotheses</h2>")
        .raw("<p class=\"hint\">Analysis of competing hypotheses: each item of evidence is rated")
        .raw(" consistent (C), inconsistent (I), neutral (N) or not applicable (NA) with each")
        .raw(" hypothesis; the least inconsistent hypothesis stands best. A score weighs each")
        .raw(" inconsistent item by its grade; items of one source count once. Only evidence you")
        .raw(" may see is shown and scored.</p>");
    if (m.hypotheses().isEmpty()) {
      page.raw("<p class=\"hint\">No hypotheses yet.</p>");
    } else {
      matrix(page, m);
      ranking(page, m);
    }
    if (v.mayWrite()) {
      hypothesisForms(page, who, v);
    }
    page.raw("</section>");
  }

  private static void matrix(Html page, CaseMatrix m) {
    page.raw("<table class=\"ach\" id=\"case-matrix\"><thead><tr><th>Evidence</th>")
        .raw("<th title=\"source reliability and credibility\">Grade</th>");
    for (CaseMatrix.Hypothesis h : m.hypotheses()) {
      page.raw("<th data-hypothesis=\"")
          .text(Long.toString(h.id()))
          .raw("\">")
          .text(h.text())
          .raw("<br><span class=\"hint\">by ")
          .text(h.author())
          .raw("</span></th>");
    }
    page.raw("</tr></thead><tbody>");
    if (m.evidence().isEmpty()) {
      page.raw("<tr><td colspan=\"")
          .text(Integer.toString(m.hypotheses().size() + 2))
          .raw("\" class=\"hint\">No evidence you may see is in the matrix: add claims to the")
          .raw(" case, or rate a statement of its entities.</td></tr>");
    }
    for (CaseMatrix.Evidence e : m.evidence()) {
      page.raw("<tr data-evidence=\"").text(e.ref()).raw("\"><td>");
      e.marking().ifPresent(mk -> page.marking(mk).raw(" "));
      page.link(e.href(), e.label());
      e.source().ifPresent(s -> page.raw(" <span class=\"hint\">— ").text(s).raw("</span>"));
      if (m.linchpins().contains(e.ref())) {
        page.raw(" <strong class=\"linchpin\">linchpin</strong>");
      }
      page.raw("</td><td class=\"grade\">").text(e.grade()).raw("</td>");
      for (CaseMatrix.Hypothesis h : m.hypotheses()) {
        var cell = h.cell(e);
        AchRating r = cell.map(CaseMatrix.Cell::rating).orElse(AchRating.NEUTRAL);
        page.raw("<td class=\"rating rating-")
            .text(r.code())
            .raw("\" title=\"")
            .text(
                cell.map(c -> "rated by " + c.ratedBy() + ", " + WHEN.format(c.ratedAt()))
                    .orElse("not rated: neutral"))
            .raw("\">")
            .text(cell.isPresent() ? r.code() : "·")
            .raw("</td>");
      }
      page.raw("</tr>");
    }
    page.raw("</tbody><tfoot><tr><th colspan=\"2\">Inconsistency</th>");
    for (CaseMatrix.Hypothesis h : m.hypotheses()) {
      page.raw("<td class=\"score\">").text(score(h)).raw("</td>");
    }
    page.raw("</tr></tfoot></table>");
  }

  private static String score(CaseMatrix.Hypothesis h) {
    return String.format(Locale.ROOT, "%.2f", h.inconsistency())
        + " ("
        + h.inconsistent()
        + (h.inconsistent() == 1 ? " item)" : " items)");
  }

  private static void ranking(Html page, CaseMatrix m) {
    page.raw("<ol class=\"ach-ranking\" id=\"case-ranking\">");
    for (CaseMatrix.Hypothesis h : m.ranking()) {
      page.raw("<li>").text(h.text()).raw(" <span class=\"hint\">inconsistency ").text(score(h));
      page.raw("</span>");
      if (m.hypotheses().size() > 1 && m.leader().equals(java.util.Optional.of(h.id()))) {
        page.raw(" <strong class=\"leader\">stands best</strong>");
      }
      page.raw("</li>");
    }
    page.raw("</ol>");
    if (m.leader().isEmpty() && m.hypotheses().size() > 1) {
      page.raw("<p class=\"hint\">No hypothesis stands strictly best on the evidence you see.</p>");
    }
    if (!m.linchpins().isEmpty()) {
      page.raw("<p class=\"warning\">The leading hypothesis rests on the linchpin items: without")
          .raw(" one of them it would no longer lead. Check them first.</p>");
    }
  }

  private static void hypothesisForms(Html page, Principal who, CaseView v) {
    String base = CasePages.href(v.stored().id()) + "/hypotheses";
    page.raw("<form class=\"case-hypothesis\" id=\"case-hypothesis\" method=\"post\" action=\"")
        .text(base)
        .raw("\">");
    CaseForms.token(page, who);
    page.raw("<label>New hypothesis <input type=\"text\" name=\"text\" maxlength=\"500\"")
        .raw(" required></label><button type=\"submit\">Add the hypothesis</button></form>");
    CaseMatrix m = v.matrix();
    if (m.hypotheses().isEmpty()) {
      return;
    }
    page.raw("<form class=\"case-rate\" id=\"case-rate\" method=\"post\" action=\"")
        .text(base + "/rate")
        .raw("\">");
    CaseForms.token(page, who);
    page.raw("<h3>Rate evidence</h3><label>Hypothesis <select name=\"hypothesis\">");
    for (CaseMatrix.Hypothesis h : m.hypotheses()) {
      page.raw("<option value=\"")
          .text(Long.toString(h.id()))
          .raw("\">")
          .text(h.text())
          .raw("</option>");
    }
    page.raw("</select></label><label>Evidence <select name=\"evidence\">")
        .raw("<option value=\"\">a statement, written below</option>");
    for (CaseMatrix.Evidence e : m.evidence()) {
      page.raw("<option value=\"").text(e.ref()).raw("\">").text(e.label()).raw("</option>");
    }
    page.raw("</select></label><label>or a statement <input type=\"text\" name=\"statement\"")
        .raw(" placeholder=\"statement:ENTITY/STATEMENT\"></label>")
        .raw("<label>Rating <select name=\"rating\">")
        .raw("<option value=\"C\">C: consistent</option>")
        .raw("<option value=\"I\">I: inconsistent</option>")
        .raw("<option value=\"N\">N: neutral</option>")
        .raw("<option value=\"NA\">NA: not applicable</option></select></label>")
        .raw("<button type=\"submit\">Rate</button></form>");
    for (CaseMatrix.Hypothesis h : m.hypotheses()) {
      page.raw("<form class=\"case-hypothesis-delete\" method=\"post\" action=\"")
          .text(base + "/" + h.id() + "/delete")
          .raw("\">");
      CaseForms.token(page, who);
      page.raw("<button type=\"submit\" class=\"danger\">Delete “")
          .text(h.text())
          .raw("”</button></form>");
    }
  }

  static void tasks(Html page, Principal who, CaseView v, LocalDate today) {
    page.raw("<section id=\"case-tasks\"><h2>Tasks</h2>");
    if (v.tasks().isEmpty()) {
      page.raw("<p class=\"hint\">No tasks yet.</p>");
    } else {
      page.raw("<ul class=\"case-tasks\">");
      for (CaseView.Task t : v.tasks()) {
        task(page, who, v, t, today);
      }
      page.raw("</ul>");
    }
    if (v.mayWrite()) {
      addTask(page, who, v);
    }
    page.raw("</section>");
  }

  private static void task(Html page, Principal who, CaseView v, CaseView.Task t, LocalDate today) {
    page.raw("<li data-task=\"")
        .text(Long.toString(t.id()))
        .raw("\"><span class=\"status status-")
        .text(t.status().code())
        .raw("\">")
        .text(t.status().code())
        .raw("</span> ")
        .text(t.title());
    if (t.assignee().isPresent()) {
      page.raw(" · ").text(t.assignee().get());
      if (!t.assigneeReads()) {
        page.raw(" <span class=\"warning\">(no longer reads the case)</span>");
      }
    } else {
      page.raw(" · <span class=\"hint\">no one assigned</span>");
    }
    t.due()
        .ifPresent(
            d ->
                page.raw(t.overdue(today) ? " · <span class=\"overdue\">due " : " · due ")
                    .text(d.toString())
                    .raw(t.overdue(today) ? " (overdue)</span>" : ""));
    boolean assigned = t.assignee().equals(java.util.Optional.of(who.viewer().username()));
    if (v.mayWrite()
        || (assigned && v.stored().status() == org.vigil.store.StoredCase.Status.OPEN)) {
      page.raw("<form class=\"case-task-status\" method=\"post\" action=\"")
          .text(CasePages.href(v.stored().id()) + "/tasks/" + t.id())
          .raw("\">");
      CaseForms.token(page, who);
      page.raw("<select name=\"status\" aria-label=\"status\">");
      for (CaseTask.Status s : CaseTask.Status.values()) {
        page.raw("<option value=\"")
            .text(s.code())
            .raw(s == t.status() ? "\" selected>" : "\">")
            .text(s.code())
            .raw("</option>");
      }
      page.raw("</select><button type=\"submit\">Set</button></form>");
    }
    page.raw("</li>");
  }

  private static void addTask(Html page, Principal who, CaseView v) {
    page.raw("<form class=\"case-task\" id=\"case-task\" method=\"post\" action=\"")
        .text(CasePages.href(v.stored().id()) + "/tasks")
        .raw("\">");
    CaseForms.token(page, who);
    page.raw("<h3>Add a task</h3><label>Task <input type=\"text\" name=\"title\"")
        .raw(" maxlength=\"300\" required></label>")
        .raw("<label>Assigned to <input type=\"text\" name=\"assignee\"")
        .raw(" list=\"case-assignees\" placeholder=\"a username; empty for no one\"></label>")
        .raw("<datalist id=\"case-assignees\">");
    Set<String> names = new LinkedHashSet<>();
    names.add(who.viewer().username());
    for (CaseView.Member mem : v.members()) {
      if (mem.kind() == CaseMember.Kind.USER) {
        String label = mem.label();
        int cut = label.indexOf(" (owner");
        names.add(cut < 0 ? label : label.substring(0, cut));
      }
    }
    for (String n : names) {
      page.raw("<option value=\"").text(n).raw("\">");
    }
    page.raw("</datalist><label>Due (optional) <input type=\"date\" name=\"due\"></label>")
        .raw("<button type=\"submit\">Add the task</button></form>");
  }

  /** Under a note: who edited it last, its earlier versions, and the edit form if offered. */
  static void noteHistory(Html page, Principal who, CaseView v, CaseView.Note n) {
    n.editedBy()
        .ifPresent(
            e ->
                page.raw("<p class=\"hint note-edited\">Edited by ")
                    .text(e)
                    .raw(", ")
                    .text(WHEN.format(n.writtenAt()))
                    .raw("; written by ")
                    .text(n.author())
                    .raw(".</p>"));
    if (!n.versions().isEmpty()) {
      page.raw("<details class=\"note-history\"><summary>Earlier versions (")
          .text(Integer.toString(n.versions().size()))
          .raw(")</summary>");
      for (CaseView.Version ver : n.versions()) {
        page.raw("<div class=\"note-version\"><p class=\"note-head\">")
            .marking(ver.marking())
            .raw(" ")
            .text("version " + ver.version() + " · " + ver.writtenBy() + " · ")
            .text(WHEN.format(ver.writtenAt()))
            .raw("</p><div class=\"note-body\">")
            // Rendered by NoteMarkdown with every raw HTML of the note escaped.
            .raw(ver.rendered().html())
            .raw("</div></div>");
      }
      page.raw("</details>");
    }
    if (v.mayWrite() && n.markdown().isPresent()) {
      page.raw("<details class=\"note-edit\"><summary>Edit</summary>")
          .raw("<form class=\"case-note\" method=\"post\" action=\"")
          .text(CasePages.href(v.stored().id()) + "/notes/" + n.id())
          .raw("\">");
      CaseForms.token(page, who);
      page.raw("<label>Note (Markdown) <textarea name=\"markdown\" rows=\"6\"")
          .raw(" maxlength=\"20000\" required>")
          .text(n.markdown().get())
          .raw("</textarea></label><label>Marking of the note <select name=\"tlp\">");
      for (Tlp t : Tlp.values()) {
        page.raw("<option value=\"")
            .text(t.code())
            .raw(t == n.marking().tlp() ? "\" selected>" : "\">")
            .text(t.label())
            .raw("</option>");
      }
      page.raw("</select></label><p class=\"hint\">The version in force is kept in the note's")
          .raw(" history.</p><button type=\"submit\">Save the note</button></form></details>");
    }
  }
}
