/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.Store;

/**
 * On a list entry's page, the reporting entities cross-referencing found may be it: each linked to
 * its page, with the score and whether it was reviewed. Only matches and entities the reader may
 * see are shown; the section is left out when there are none.
 */
final class ReportingMatchesSection {
  private ReportingMatchesSection() {}

  static void write(Html page, Store store, Entity entry, Viewer viewer) {
    List<PossibleMatch> matches = new ArrayList<>();
    for (String member : entry.memberIds()) {
      matches.addAll(store.resolution().matchesOnEntry(member, viewer));
    }
    if (matches.isEmpty()) {
      return;
    }
    Map<String, Entity> reporting =
        store
            .statements()
            .entities(matches.stream().map(PossibleMatch::entityId).distinct().toList(), viewer);
    // One line per reporting entity (several of its records may have matched), and none for the
    // records already merged into this entry: the page would offer the entry as its own match.
    Map<String, PossibleMatch> best = new LinkedHashMap<>();
    matches.stream()
        .filter(m -> reporting.containsKey(m.entityId()))
        .filter(m -> !isEntry(reporting.get(m.entityId()), entry))
        .sorted((a, b) -> Double.compare(b.score(), a.score()))
        .forEach(m -> best.putIfAbsent(reporting.get(m.entityId()).id(), m));
    if (best.isEmpty()) {
      return;
    }
    page.raw("<section class=\"reporting-matches\"><h2>Possible matches in the reporting</h2>")
        .raw("<p class=\"hint\">Entities of the reports that cross-referencing found may be this")
        .raw(" entry: possible matches, not findings, until an analyst judges them.</p>")
        .raw("<ol class=\"matches\">");
    for (PossibleMatch m : best.values()) {
      Entity e = reporting.get(m.entityId());
      page.raw("<li><span class=\"score\">")
          .text(String.format(Locale.ROOT, "%.2f", m.score()))
          .raw("</span> <a href=\"/entities/")
          .text(URLEncoder.encode(e.id(), StandardCharsets.UTF_8))
          .raw("\">")
          .text(e.caption())
          .raw("</a> <span class=\"schema\">")
          .text(e.schema().ftmName())
          .raw("</span> · ")
          .text(m.reviewed() ? "reviewed" : "awaiting review")
          .raw("</li>");
    }
    page.raw("</ol></section>");
  }

  private static boolean isEntry(Entity reporting, Entity entry) {
    return reporting.id().equals(entry.id())
        || reporting.memberIds().stream().anyMatch(entry.memberIds()::contains);
  }
}
