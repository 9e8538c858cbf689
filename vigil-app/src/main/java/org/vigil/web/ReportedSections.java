/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

/** What reporting says, section by section: relations, events, properties, claims. */
final class ReportedSections {
  private ReportedSections() {}

  static void write(Html page, Reported reported) {
    page.raw("<div class=\"reported\">");
    ReportedPlacesSection.write(page, reported);
    RelationsSection.write(page, reported);
    EventsSection.write(page, reported);
    PropertiesSection.write(page, reported);
    ClaimsSection.write(page, reported);
    page.raw("</div>");
  }
}
