/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.List;
import java.util.Optional;
import org.vigil.model.Entity;

/**
 * A possible list match's details beside the entity's own, on the entity page: birth dates and
 * countries as the list gives them and as the reporting does, so that a reader sees whether they
 * agree before judging the match.
 */
final class ListedDetails {
  private ListedDetails() {}

  static void render(Html page, Entity self, Optional<Entity> listed) {
    if (listed.isEmpty()) {
      return;
    }
    page.raw("<div class=\"listed-details\">the list: ");
    facts(page, listed.get());
    page.raw(" — this entity: ");
    facts(page, self);
    page.raw("</div>");
  }

  private static void facts(Html page, Entity entity) {
    page.text("born " + orDash(entity.values("birthDate")));
    if (!entity.values("birthPlace").isEmpty()) {
      page.text(" in " + String.join("; ", entity.values("birthPlace")));
    }
    page.text(" · countries " + orDash(countries(entity)));
  }

  private static List<String> countries(Entity entity) {
    return java.util.stream.Stream.of("nationality", "citizenship", "country")
        .flatMap(p -> entity.values(p).stream())
        .distinct()
        .toList();
  }

  private static String orDash(List<String> values) {
    return values.isEmpty() ? "–" : String.join(", ", values);
  }
}
