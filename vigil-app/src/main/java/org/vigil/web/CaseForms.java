/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.List;
import java.util.Optional;
import org.vigil.auth.Principal;
import org.vigil.cases.CaseView;
import org.vigil.http.RequestGuard;
import org.vigil.model.Tlp;

/** The forms of the case pages, plain HTML posts (no script), each with the session's token. */
final class CaseForms {
  private CaseForms() {}

  /**
   * The form that opens a case: on the list of cases, or on an entity's page with the entity (and
   * its network to the depth chosen) as the case's first items.
   */
  static void open(Html page, Principal who, String title, Optional<String> entity) {
    page.raw("<form class=\"case-open\" id=\"case-open\" method=\"post\" action=\"/cases\">");
    token(page, who);
    page.raw("<h2>Start a case</h2><label>Title <input type=\"text\" name=\"title\" required")
        .raw(" maxlength=\"300\" value=\"")
        .text(title)
        .raw("\"></label>");
    // From an entity's page the choice is among the markings the page shows, the highest first
    // chosen: the case is marked like what it starts with, and the page never names a level of
    // marking the reader has not met on it.
    List<Tlp> shown = page.markingsShown();
    if (entity.isPresent() && !shown.isEmpty()) {
      tlp(page, "Marking of the case", shown, shown.get(shown.size() - 1));
    } else {
      tlp(page, "Marking of the case", List.of(Tlp.values()), Tlp.AMBER);
    }
    entity.ifPresent(
        id -> {
          page.raw("<input type=\"hidden\" name=\"entity\" value=\"").text(id).raw("\">");
          depth(page, "With its network", 0);
        });
    page.raw("<button type=\"submit\">Start a case</button></form>");
  }

  /** Adds an entity (and its network), a document or a claim by id. */
  static void addItem(Html page, Principal who, CaseView v) {
    page.raw("<form class=\"case-add\" id=\"case-add\" method=\"post\" action=\"")
        .text(CasePages.href(v.stored().id()) + "/items")
        .raw("\">");
    token(page, who);
    page.raw("<h3>Add to the case</h3><label>What <select name=\"kind\">")
        .raw("<option value=\"entity\">entity</option><option value=\"document\">document</option>")
        .raw("<option value=\"claim\">claim</option></select></label>");
    if (v.entities().isEmpty()) {
      page.raw("<label>Id <input type=\"text\" name=\"item\" required></label>");
    } else {
      page.raw("<label>Id <input type=\"text\" name=\"item\" list=\"case-entity-ids\" required>")
          .raw("</label><datalist id=\"case-entity-ids\">");
      for (CaseView.Item i : v.entities()) {
        page.raw("<option value=\"").text(i.id()).raw("\">").text(i.caption()).raw("</option>");
      }
      page.raw("</datalist>");
    }
    depth(page, "With its network (entities only)", 0);
    page.raw("<button type=\"submit\">Add</button></form>");
  }

  /** Writes a note, with the citation forms explained. */
  static void note(Html page, Principal who, CaseView v) {
    page.raw("<form class=\"case-note\" id=\"case-note\" method=\"post\" action=\"")
        .text(CasePages.href(v.stored().id()) + "/notes")
        .raw("\">");
    token(page, who);
    page.raw("<h3>Write a note</h3><label>Note (Markdown) <textarea name=\"markdown\" rows=\"6\"")
        .raw(" maxlength=\"20000\" required></textarea></label>")
        .raw("<p class=\"hint\">Cite evidence with a link: <code>[words](entity:ID)</code>,")
        .raw(
            " <code>[words](statement:ENTITY/STATEMENT)</code>, <code>[words](document:ID)</code>,")
        .raw(" <code>[words](document:ID#START-END)</code> or <code>[words](claim:ID)</code>.")
        .raw(" Each reader sees a citation only if they may see its evidence.</p>");
    tlp(page, "Marking of the note", v.stored().tlp());
    page.raw("<button type=\"submit\">Add the note</button></form>");
  }

  /**
   * Exports the case as a report for the reader's own organisation or one of its partners (the API
   * and the CLI take any organisation); the file is the form's answer.
   */
  static void report(Html page, Principal who, CaseView v) {
    page.raw("<form class=\"case-report\" id=\"case-report\" method=\"post\" action=\"")
        .text(CasePages.href(v.stored().id()) + "/report")
        .raw("\">");
    token(page, who);
    page.raw("<h3>Export a report</h3><label>For <select name=\"for\">");
    java.util.List<String> orgs = new java.util.ArrayList<>();
    orgs.add(who.viewer().orgId());
    orgs.addAll(who.viewer().partnerOrgs());
    for (String org : orgs) {
      page.raw("<option value=\"").text(org).raw("\">").text(org).raw("</option>");
    }
    page.raw("</select></label><label>As <select name=\"format\">")
        .raw("<option value=\"pdf\">PDF</option><option value=\"docx\">DOCX</option>")
        .raw("<option value=\"html\">HTML</option></select></label>")
        .raw("<label>Executive summary <textarea name=\"summary\" rows=\"4\"")
        .raw(" maxlength=\"20000\"></textarea></label>");
    page.raw("<label>Marking of the summary <select name=\"summaryTlp\">");
    for (Tlp t : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT)) {
      page.raw("<option value=\"")
          .text(t.code())
          .raw(t == Tlp.GREEN ? "\" selected>" : "\">")
          .text(t.label())
          .raw("</option>");
    }
    page.raw("</select></label>")
        .raw("<p class=\"hint\">The report holds only what that organisation and you may both")
        .raw(" read, a marking on every page and paragraph, and the source of every fact.")
        .raw(" It is recorded in the audit log with every statement it releases.</p>")
        .raw("<button type=\"submit\">Export the report</button></form>");
  }

  /** Shares the case; its owner only. */
  static void share(Html page, Principal who, CaseView v) {
    page.raw("<form class=\"case-share\" id=\"case-share\" method=\"post\" action=\"")
        .text(CasePages.href(v.stored().id()) + "/members")
        .raw("\">");
    token(page, who);
    page.raw("<h3>Share</h3><label>With <select name=\"kind\"><option value=\"user\">user")
        .raw("</option><option value=\"org\">organisation</option></select></label>")
        .raw("<label>Username or organisation id <input type=\"text\" name=\"member\" required>")
        .raw("</label><label>Rights <select name=\"rights\"><option value=\"read\">read</option>")
        .raw("<option value=\"write\">write</option></select></label>")
        .raw("<button type=\"submit\">Share</button></form>");
  }

  /** Closes or opens the case, and deletes it (never its evidence); its owner only. */
  static void manage(Html page, Principal who, CaseView v) {
    boolean open = v.stored().status() == org.vigil.store.StoredCase.Status.OPEN;
    page.raw("<form class=\"case-status\" method=\"post\" action=\"")
        .text(CasePages.href(v.stored().id()) + "/status")
        .raw("\">");
    token(page, who);
    page.raw("<input type=\"hidden\" name=\"status\" value=\"")
        .text(open ? "closed" : "open")
        .raw("\"><button type=\"submit\">")
        .text(open ? "Close the case" : "Open the case again")
        .raw("</button></form>");
    page.raw("<form class=\"case-delete\" method=\"post\" action=\"")
        .text(CasePages.href(v.stored().id()) + "/delete")
        .raw("\">");
    token(page, who);
    page.raw("<button type=\"submit\" class=\"danger\">Delete the case</button>")
        .raw(" <span class=\"hint\">The evidence it points at stays.</span></form>");
  }

  private static void tlp(Html page, String label, Tlp selected) {
    tlp(page, label, List.of(Tlp.values()), selected);
  }

  private static void tlp(Html page, String label, List<Tlp> offered, Tlp selected) {
    page.raw("<label>").text(label).raw(" <select name=\"tlp\">");
    for (Tlp t : offered) {
      page.raw("<option value=\"")
          .text(t.code())
          .raw(t == selected ? "\" selected>" : "\">")
          .text(t.label())
          .raw("</option>");
    }
    page.raw("</select></label>");
  }

  private static void depth(Html page, String label, int selected) {
    page.raw("<label>").text(label).raw(" <select name=\"depth\">");
    String[] words = {"the entity alone", "1 hop out", "2 hops out", "3 hops out"};
    for (int d = 0; d < words.length; d++) {
      page.raw("<option value=\"")
          .text(Integer.toString(d))
          .raw(d == selected ? "\" selected>" : "\">")
          .text(words[d])
          .raw("</option>");
    }
    page.raw("</select></label>");
  }

  static void token(Html page, Principal who) {
    page.raw("<input type=\"hidden\" name=\"")
        .text(RequestGuard.CSRF_FIELD)
        .raw("\" value=\"")
        .text(who.csrfToken().orElse(""))
        .raw("\">");
  }
}
