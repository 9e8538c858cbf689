/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.Locale;
import org.vigil.model.Credibility;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;

/**
 * The key to the badges a page shows: what each TLP marking allows (TLP 2.0) and what the Admiralty
 * grades mean (source reliability A–F, information credibility 1–6). {@link Html} adds it at the
 * foot of any page that shows a badge, so that no page shows a letter or a colour without its key;
 * it explains only the TLP levels the page shows.
 */
final class BadgeLegend {
  private BadgeLegend() {}

  /**
   * @param markings the TLP levels the page shows; only these are explained
   * @param grades whether the page shows reliability or credibility grades
   */
  static void render(Html page, java.util.Set<Tlp> markings, boolean grades) {
    if (markings.isEmpty() && !grades) {
      return;
    }
    page.raw("<aside class=\"badge-legend\" aria-label=\"Key to the badges\"><h2>Key</h2>");
    if (!markings.isEmpty()) {
      page.raw("<dl class=\"legend-tlp\">");
      for (Tlp tlp : markings) {
        page.raw("<dt><span class=\"tlp tlp-")
            .raw(Html.cssName(tlp))
            .raw("\">")
            .text(tlp.label())
            .raw("</span></dt><dd>")
            .text(meaning(tlp))
            .raw("</dd>");
      }
      page.raw("</dl>");
    }
    if (grades) {
      page.raw("<dl class=\"legend-grades\">");
      for (Reliability r : Reliability.values()) {
        page.raw("<dt><span class=\"grade\">")
            .text(r.name())
            .raw("</span></dt><dd>")
            .text("source: " + r.description().toLowerCase(Locale.ROOT))
            .raw("</dd>");
      }
      for (Credibility c : Credibility.values()) {
        page.raw("<dt>")
            .text(Integer.toString(c.grade()))
            .raw("</dt><dd>")
            .text("information: " + meaning(c))
            .raw("</dd>");
      }
      page.raw("</dl>");
    }
    page.raw("</aside>");
  }

  /** What a recipient may do with information so marked, as TLP 2.0 puts it. */
  static String meaning(Tlp tlp) {
    return switch (tlp) {
      case CLEAR -> "may be shared with anyone, publicly";
      case GREEN -> "may be shared within the community, not publicly";
      case AMBER ->
          "may be shared within the recipient's organisation and its clients, on a need"
              + " to know";
      case AMBER_STRICT -> "may be shared within the recipient's organisation only";
      case RED -> "for the named recipients only, not to be passed on";
    };
  }

  static String meaning(Credibility credibility) {
    return switch (credibility) {
      case CONFIRMED -> "confirmed by other sources";
      case PROBABLY_TRUE -> "probably true";
      case POSSIBLY_TRUE -> "possibly true";
      case DOUBTFUL -> "doubtful";
      case IMPROBABLE -> "improbable";
      case CANNOT_BE_JUDGED -> "truth cannot be judged";
    };
  }
}
