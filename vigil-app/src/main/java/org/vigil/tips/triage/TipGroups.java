/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.triage;

import java.util.HashMap;
import java.util.Map;
import org.vigil.documents.DocumentIngest;
import org.vigil.ingest.DuplicateCheck;
import org.vigil.ingest.DuplicateIndex;

/**
 * The groups of exact and near copies among one tip line's tips, found as ingest finds copies among
 * documents (MinHash over word shingles, the same threshold), so that tips grouped here are the
 * copies that become one origin once released. A group is named by its first tip. Held in memory by
 * the analyst server and rebuilt from the tips on its first pass. Thread-safe.
 */
final class TipGroups {
  private final Map<String, DuplicateIndex> byOrg = new HashMap<>();
  private final Map<String, String> groupOf = new HashMap<>();

  /** Adds a tip's text and answers its group: the group of the tip it copies, else its own id. */
  synchronized String add(String org, String tipId, String text) {
    DuplicateIndex index =
        byOrg.computeIfAbsent(
            org, o -> new DuplicateIndex(DocumentIngest.NEAR_DUPLICATE_THRESHOLD));
    String known = groupOf.get(tipId);
    DuplicateCheck check = index.add(tipId, text, other -> !other.equals(tipId));
    String group =
        check.isCopy()
            ? check.original().map(o -> groupOf.getOrDefault(o, o)).orElse(tipId)
            : known != null ? known : tipId;
    groupOf.put(tipId, group);
    return group;
  }

  /** Takes a group found before (a triage read back), so that groups keep their names. */
  synchronized void remember(String org, String tipId, String text, String group) {
    byOrg
        .computeIfAbsent(org, o -> new DuplicateIndex(DocumentIngest.NEAR_DUPLICATE_THRESHOLD))
        .add(tipId, text, other -> !other.equals(tipId));
    groupOf.put(tipId, group);
  }

  synchronized boolean knows(String tipId) {
    return groupOf.containsKey(tipId);
  }
}
