/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

/**
 * The claims: what a quoted party asserts, denies, alleges or supposes, or what the source itself
 * only alleges or supposes, with the relation or event claimed and its sentence. Two claims of one
 * event with opposite stances stand side by side here.
 */
final class ClaimsSection {
  private ClaimsSection() {}

  static void write(Html page, Reported reported) {
    ReportedHtml.section(
        page,
        "claims",
        "Claims",
        reported.claims(),
        "No claims of quoted parties that you may see.",
        "claim",
        ClaimsSection::item);
  }

  private static void item(Html page, Reported.Claim c) {
    page.raw("<span class=\"claimant\">")
        .text(c.attribution().claimant().orElse("the source"))
        .raw("</span> ");
    ReportedHtml.stance(page, c.attribution().stance());
    page.raw(" <span class=\"claimed\">").text(c.claimed()).raw("</span>");
    ReportedHtml.evidence(page, c.evidence());
  }
}
