/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The places the reporting names, at a glance: where its events happened and where its people and
 * organisations live or are based, each once and linked to a search for it (which finds the
 * documents and entities that name it). Left out when none is named.
 */
final class ReportedPlacesSection {
  private ReportedPlacesSection() {}

  static void write(Html page, Reported reported) {
    Set<String> places = new LinkedHashSet<>();
    reported.events().forEach(e -> e.place().ifPresent(places::add));
    reported.properties().stream()
        .filter(Reported.Property::place)
        .forEach(p -> places.add(p.value()));
    if (places.isEmpty()) {
      return;
    }
    page.raw(
        "<section class=\"reported-places\"><h2>Places in the reporting</h2><p class=\"places\">");
    boolean first = true;
    for (String place : places) {
      page.raw(first ? "" : " · ");
      ReportedHtml.place(page, place);
      first = false;
    }
    page.raw("</p></section>");
  }
}
