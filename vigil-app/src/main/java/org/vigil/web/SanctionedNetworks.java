/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.Store;

/**
 * The home page's way into the network: entities from the reporting that cross-referencing found on
 * a sanctions list, the best connected first, each with a link straight to its network graph. Only
 * entities the viewer may see are listed, and their links are counted as the viewer sees them.
 */
final class SanctionedNetworks {
  /** Possible matches read, newest first, before the best connected are chosen. */
  static final int CANDIDATES = 40;

  /** Entities shown. */
  static final int SHOWN = 6;

  private static final int MAX_LINKS = 50;

  private record Item(Entity entity, PossibleMatch match, long links) {}

  private SanctionedNetworks() {}

  static void render(Html page, Store store, Viewer viewer) {
    Map<String, Item> items = new LinkedHashMap<>();
    for (PossibleMatch m : store.resolution().alerts(CANDIDATES)) {
      Optional<Entity> entity = store.statements().entity(m.entityId(), viewer);
      if (entity.isEmpty() || items.containsKey(entity.get().id())) {
        continue;
      }
      long links =
          store.statements().referencing(entity.get().id(), viewer, MAX_LINKS).stream()
              .filter(l -> l.schema().isEdge())
              .count();
      items.put(entity.get().id(), new Item(entity.get(), m, links));
    }
    if (items.isEmpty()) {
      return;
    }
    List<Item> best = new ArrayList<>(items.values());
    best.sort(
        Comparator.comparingLong(Item::links)
            .reversed()
            .thenComparing(Comparator.comparingDouble((Item i) -> i.match().score()).reversed()));
    page.raw("<section class=\"sanctioned\"><h2>Sanctioned, and in the reporting</h2>")
        .raw("<p class=\"hint\">People and organisations of the reports that may be on a")
        .raw(" sanctions list: open one's network to see who it is linked to, and why.</p>")
        .raw("<ul class=\"sanctioned\">");
    for (Item item : best.subList(0, Math.min(SHOWN, best.size()))) {
      String id = URLEncoder.encode(item.entity().id(), StandardCharsets.UTF_8);
      page.raw("<li><a href=\"/entities/")
          .text(id)
          .raw("\">")
          .text(item.entity().caption())
          .raw("</a> <span class=\"schema\">")
          .text(item.entity().schema().ftmName())
          .raw("</span> may be ")
          .text(item.match().listCaption())
          .raw(" <span class=\"dataset\">")
          .text(item.match().dataset())
          .raw("</span> ");
      for (String programme : item.match().programmes()) {
        page.raw("<span class=\"programme\">").text(programme).raw("</span> ");
      }
      page.raw("<span class=\"score\">")
          .text(String.format(Locale.ROOT, "%.2f", item.match().score()))
          .raw("</span> <a class=\"network\" href=\"/graph?entity=")
          .text(id)
          .raw("\">Network")
          .text(
              item.links() > 0
                  ? " ("
                      + item.links()
                      + (item.links() >= MAX_LINKS ? "+" : "")
                      + (item.links() == 1 ? " link)" : " links)")
                  : "")
          .raw("</a></li>");
    }
    page.raw("</ul></section>");
  }
}
