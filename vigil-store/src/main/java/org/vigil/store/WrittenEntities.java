/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The entities whose statements were written since the graph's link index last caught up, through
 * this process (after each commit) or another on the same database (read from the change sequence,
 * {@link StoreChanges}): the link index re-reads just these at its next query. A write whose
 * entities are not known (a source retired, a batch beyond {@link #MAX}) makes it rebuild in full.
 *
 * <p>Thread-safe: writers and the change poller add, the link index drains.
 */
final class WrittenEntities {
  /** Entities held at most before a full rebuild is the cheaper way to catch up. */
  static final int MAX = 20_000;

  private Set<String> ids = new HashSet<>();
  private boolean unknown;

  /** What was written since the last {@link #drain}: the entity ids, or all of them. */
  record Written(boolean all, Set<String> entityIds) {
    boolean none() {
      return !all && entityIds.isEmpty();
    }
  }

  synchronized void add(Collection<String> entityIds) {
    if (unknown) {
      return;
    }
    ids.addAll(entityIds);
    if (ids.size() > MAX) {
      addUnknown();
    }
  }

  /** Statements were written or removed that this process cannot name. */
  synchronized void addUnknown() {
    unknown = true;
    ids = new HashSet<>();
  }

  synchronized Written drain() {
    Written written = new Written(unknown, Set.copyOf(ids));
    unknown = false;
    ids = new HashSet<>();
    return written;
  }
}
