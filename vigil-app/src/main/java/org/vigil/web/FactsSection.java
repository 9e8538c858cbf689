/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vigil.weighing.ClaimWeighings;

/**
 * The entity page's "Claims weighed" section: each fact about the entity with its status
 * (corroborated by N independent origins, single origin, disputed, denied), its corroboration
 * counts and who says it, each linking to its claim page. Grades are shown beside, never blended.
 */
final class FactsSection {
  private FactsSection() {}

  static void render(Html page, List<ClaimWeighings.Fact> facts) {
    if (facts.isEmpty()) {
      return;
    }
    page.raw("<h2>Claims weighed</h2><table class=\"statements facts\"><thead><tr>")
        .raw("<th>fact</th><th>status</th><th>corroboration</th><th>who says it</th>")
        .raw("</tr></thead><tbody>");
    for (ClaimWeighings.Fact f : facts) {
      String first = f.claims().get(0).claimId();
      page.raw("<tr class=\"fact fact-")
          .text(f.status().code())
          .raw("\"><td><a href=\"/claims/")
          .text(URLEncoder.encode(first, StandardCharsets.UTF_8))
          .raw("\">")
          .text(f.caption())
          .raw("</a></td><td><span class=\"status status-")
          .text(f.status().code())
          .raw("\">")
          .text(f.status().label())
          .raw("</span></td><td>")
          .text(f.corroboration().describe())
          .raw("</td><td>");
      boolean comma = false;
      for (ClaimWeighings.OriginGroup g : f.origins()) {
        if (comma) {
          page.raw("; ");
        }
        comma = true;
        ClaimWeighings.ClaimLine l = g.claims().get(0);
        page.text(g.label() + " (" + l.stance().word() + ", credibility ")
            .text(Integer.toString(l.credibilityInForce().grade()))
            .text(", source " + l.sourceReliability().name() + ")");
      }
      page.raw("</td></tr>");
    }
    page.raw("</tbody></table>");
  }
}
