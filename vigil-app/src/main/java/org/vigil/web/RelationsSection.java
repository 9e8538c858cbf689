/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

/** The relations read: "A Employment (spokesman) B", since when, who claims it, the sentence. */
final class RelationsSection {
  private RelationsSection() {}

  static void write(Html page, Reported reported) {
    ReportedHtml.section(
        page,
        "relations",
        "Relations",
        reported.relations(),
        "No relations that you may see.",
        "relation",
        RelationsSection::item);
  }

  private static void item(Html page, Reported.Relation r) {
    ReportedHtml.party(page, r.from());
    page.raw(" <span class=\"edge\">").text(r.schema());
    r.role().ifPresent(role -> page.raw(" (").text(role).raw(")"));
    page.raw("</span> ");
    ReportedHtml.party(page, r.to());
    r.since().ifPresent(d -> page.raw(" <span class=\"hint\">since ").text(d).raw("</span>"));
    if (r.disputed()) {
      page.raw(" <span class=\"disputed\">disputed</span>");
    }
    ReportedHtml.attribution(page, r.attribution());
    ReportedHtml.evidence(page, r.evidence());
  }
}
