/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.model.Marking;
import org.vigil.resolve.Audience;
import org.vigil.store.Store;

/**
 * The audiences a resolution run derives data for: the users of each organisation, grouped by which
 * of the stored markings they may see, so that the users of one group read exactly the same
 * statements. Each group's resolution rests only on what all of them may read, and reaches only
 * them. With no users at all, the operator is the one audience.
 */
final class Readers {
  /** An audience and a viewer who sees exactly what each of its readers sees. */
  record Group(Audience audience, Viewer viewer) {}

  private Readers() {}

  static List<Group> of(Store store, Set<Marking> markings) {
    List<Marking> ordered = new ArrayList<>(markings);
    Map<String, List<Viewer>> byView = new LinkedHashMap<>();
    for (User user : store.accounts().users()) {
      Viewer viewer = store.accounts().viewer(user);
      StringBuilder key = new StringBuilder(viewer.orgId()).append('|');
      for (Marking m : ordered) {
        key.append(MarkingPolicy.canSee(viewer, m) ? '1' : '0');
      }
      byView.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(viewer);
    }
    if (byView.isEmpty()) {
      return List.of(new Group(Audience.operator(), Viewer.system()));
    }
    List<Group> out = new ArrayList<>();
    for (List<Viewer> viewers : byView.values()) {
      TreeSet<String> ids = new TreeSet<>();
      viewers.forEach(v -> ids.add(v.userId()));
      out.add(new Group(new Audience(viewers.get(0).orgId(), ids), viewers.get(0)));
    }
    return out;
  }
}
