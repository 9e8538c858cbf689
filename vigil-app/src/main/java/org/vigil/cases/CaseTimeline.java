/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.network.Evidence;
import org.vigil.network.TimelineView;
import org.vigil.store.Store;

/**
 * The timeline of a case: the dated items (events and dated statements) of every one of its
 * entities as one reader sees them, through the network's timelines, each happening once, in date
 * order. A case holds at most 5,000 items, so every entity is read (all in one read of the network,
 * a bounded number of queries whatever the case's size); the lines shown are bounded ({@link
 * #MAX_ITEMS}, the oldest first) and the answer says how many there were in all.
 */
final class CaseTimeline {
  /** Items read per entity. */
  static final int PER_ENTITY = 100;

  /** Items shown. */
  static final int MAX_ITEMS = 500;

  private CaseTimeline() {}

  /** The lines shown (at most {@link #MAX_ITEMS}) and how many dated records were found. */
  record Read(List<CaseView.Dated> shown, int records) {}

  static Read of(Store store, Viewer viewer, List<CaseView.Item> entities) {
    requireNonNull(store, "store");
    // One read for the whole case, not one per entity.
    return merged(store.network().timelines(ids(entities), PER_ENTITY, viewer), entities);
  }

  /**
   * The case's lines from its entities' timelines (by entity id; an entity not in the network, a
   * document or an entity without links or dates, has none).
   */
  static Read merged(Map<String, TimelineView> timelines, List<CaseView.Item> entities) {
    Map<String, CaseView.Dated> out = new LinkedHashMap<>();
    Set<String> ownDates = new HashSet<>();
    for (CaseView.Item entity : entities) {
      TimelineView timeline = timelines.get(entity.id());
      if (timeline == null) {
        continue;
      }
      for (TimelineView.Item item : timeline.items()) {
        CaseView.Dated dated =
            new CaseView.Dated(
                item.date(),
                item.label(),
                entity.caption(),
                entity.href(),
                item.evidence().stream().findFirst().flatMap(CaseTimeline::quote));
        String key = key(item);
        boolean own = item.entityId().orElse("").equals(timeline.entity());
        // A record in the case is read from itself ("date") and from the entities it ties
        // ("Abduction (Istanbul)", "employed by ..."): one line, in the words of the tie.
        if (!own && ownDates.remove(key)) {
          out.put(key, dated);
        } else if (out.putIfAbsent(key, dated) == null && own) {
          ownDates.add(key);
        }
      }
    }
    List<CaseView.Dated> sorted = new ArrayList<>(out.values());
    // Partial ISO dates ("2021", "2021-08", "2021-08-29") sort as text; a year before its months.
    sorted.sort(Comparator.comparing(CaseView.Dated::date));
    List<CaseView.Dated> shown =
        sorted.size() > MAX_ITEMS ? List.copyOf(sorted.subList(0, MAX_ITEMS)) : sorted;
    return new Read(shown, sorted.size());
  }

  private static List<String> ids(List<CaseView.Item> entities) {
    return entities.stream().map(CaseView.Item::id).distinct().toList();
  }

  /**
   * One happening: a date of one record (an event, a link, a sanction, or the entity itself),
   * however it was reached: the same link from both its ends, an event from two people it involves,
   * or from itself when it is in the case.
   */
  static String key(TimelineView.Item item) {
    return item.date() + "\u001f" + item.entityId().orElse(item.label());
  }

  private static Optional<String> quote(Evidence e) {
    return e.text().map(t -> t.length() > 300 ? t.substring(0, 300) + "…" : t);
  }
}
