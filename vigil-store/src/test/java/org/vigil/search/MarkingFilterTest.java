/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * The index's marking filter must agree with {@link MarkingPolicy#canSee} on every marking and
 * every viewer: one record per marking, one search per viewer, and the hits compared with the rule.
 */
class MarkingFilterTest {
  private static final List<String> ORGS = List.of("org-a", "org-b", "org-c");
  private static final List<Set<String>> NAMED =
      List.of(Set.of(), Set.of("u-1"), Set.of("u-1", "u-2"));
  private static final List<Set<String>> RESTRICTIONS =
      List.of(Set.of(), Set.of("org-a"), Set.of("org-b"), Set.of("org-a", "org-c"));
  private static final List<Set<String>> PARTNERS =
      List.of(Set.of(), Set.of("org-a"), Set.of("org-b", "org-c"));

  @Test
  void theIndexFilterAgreesWithTheMarkingPolicyOnEveryCombination() {
    Map<String, Marking> markings = new LinkedHashMap<>();
    for (Tlp tlp : Tlp.values()) {
      for (String owner : ORGS) {
        for (Set<String> named : tlp == Tlp.RED ? NAMED : List.<Set<String>>of(Set.of())) {
          for (Set<String> restricted : RESTRICTIONS) {
            Marking marking =
                new Marking(tlp, owner, new TreeSet<>(named), new TreeSet<>(restricted));
            markings.put("rec-" + markings.size(), marking);
          }
        }
      }
    }
    List<Viewer> viewers = new ArrayList<>();
    for (String user : List.of("u-1", "u-2", "u-3")) {
      for (String org : ORGS) {
        for (Set<String> partners : PARTNERS) {
          viewers.add(Viewer.of(user, user, org, partners, Role.ANALYST));
        }
      }
    }
    viewers.add(Viewer.system());

    try (SearchIndex index = SearchIndex.inMemory(SearchIndex.Resolver.none())) {
      List<Entity> records = new ArrayList<>();
      markings.forEach((id, marking) -> records.add(record(id, marking)));
      index.update(records);

      int checked = 0;
      for (Viewer viewer : viewers) {
        SearchResults results =
            index.search(
                new SearchQuery("Kovalenko", Optional.empty(), SearchQuery.MAX_LIMIT), viewer);
        Set<String> found = new TreeSet<>();
        results.hits().forEach(h -> found.add(h.entityId()));
        for (Map.Entry<String, Marking> e : markings.entrySet()) {
          assertThat(found.contains(e.getKey()))
              .as("%s sees %s", viewer, e.getValue().describe())
              .isEqualTo(MarkingPolicy.canSee(viewer, e.getValue()));
          checked++;
        }
        assertThat(results.total()).isEqualTo(found.size());
      }
      assertThat(checked).isEqualTo(markings.size() * viewers.size());
    }
  }

  private static Entity record(String id, Marking marking) {
    Statement name =
        Statement.about(id, Schema.PERSON)
            .set("name", "Taras Kovalenko")
            .source("src-1")
            .marking(marking)
            .seen(Instant.parse("2026-01-01T00:00:00Z"))
            .build();
    return Entity.assemble(id, List.of(id), List.of(name));
  }
}
