/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

/**
 * The properties read of people and organisations (position, where they live or are based, birth
 * date, aliases), each with whose it is, its sentence and its document; places are linked.
 */
final class PropertiesSection {
  private PropertiesSection() {}

  static void write(Html page, Reported reported) {
    ReportedHtml.section(
        page,
        "reported-properties",
        "Positions, places, dates, aliases",
        reported.properties(),
        "No positions, places, birth dates or aliases that you may see.",
        "property",
        PropertiesSection::item);
  }

  private static void item(Html page, Reported.Property p) {
    ReportedHtml.party(page, p.of());
    page.raw(" <span class=\"property-name\">").text(label(p.property())).raw("</span> ");
    if (p.place()) {
      ReportedHtml.place(page, p.value());
    } else {
      page.raw("<span class=\"value\">").text(p.value()).raw("</span>");
    }
    ReportedHtml.evidence(page, p.evidence());
  }

  private static String label(String property) {
    return switch (property) {
      case "address" -> "lives or is based in";
      case "birthDate" -> "born";
      case "alias" -> "also known as";
      default -> property;
    };
  }
}
