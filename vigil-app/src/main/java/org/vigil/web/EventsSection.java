/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

/**
 * The events read: their kind, date and place (linked), each participant with its part, the
 * authority and programme of a sanction, who claims it, and the sentence.
 */
final class EventsSection {
  private EventsSection() {}

  static void write(Html page, Reported reported) {
    ReportedHtml.section(
        page,
        "events",
        "Events",
        reported.events(),
        "No events that you may see.",
        "event",
        EventsSection::item);
  }

  private static void item(Html page, Reported.Event e) {
    page.raw("<strong class=\"event-kind\">").text(e.kind()).raw("</strong>");
    e.date().ifPresent(d -> page.raw(" <span class=\"date\">").text(d).raw("</span>"));
    e.place()
        .ifPresent(
            p -> {
              page.raw(" in ");
              ReportedHtml.place(page, p);
            });
    if (e.disputed()) {
      page.raw(" <span class=\"disputed\">disputed</span>");
    }
    if (!e.participants().isEmpty()) {
      page.raw("<ul class=\"participants\">");
      for (Reported.Participant p : e.participants()) {
        page.raw("<li><span class=\"role\">").text(p.role()).raw("</span> ");
        ReportedHtml.party(page, p.party());
        page.raw("</li>");
      }
      page.raw("</ul>");
    }
    for (String detail : e.details()) {
      page.raw("<div class=\"detail\">").text(detail).raw("</div>");
    }
    ReportedHtml.attribution(page, e.attribution());
    ReportedHtml.evidence(page, e.evidence());
  }
}
