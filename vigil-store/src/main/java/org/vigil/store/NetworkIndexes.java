/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.Viewer;

/**
 * The network indexes in use, one per cluster view (readers who see the same clusters share one),
 * each kept up to date with the statements written since it was built, through this process or
 * another on the same database ({@link WrittenEntities}, filled after each commit here and from the
 * change sequence, {@link StoreChanges}): the written entities' links are re-read and patched in
 * ({@link NetworkIndex#updated}), with no full rebuild. It is rebuilt in full when the writes are
 * not named (a source retired), when its clusters changed (a judgement: another view), and when
 * patches have piled up ({@link NetworkIndex#worthRebuilding}). The least recently used index is
 * dropped beyond {@link #MAX_INDEXES}.
 *
 * <p>Thread-safe.
 */
final class NetworkIndexes {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkIndexes.class);

  /** Link indexes kept at most, one per cluster view in use. */
  private static final int MAX_INDEXES = 4;

  private final Database db;
  private final Clusters clusters;
  private final WrittenEntities written;
  private long fullBuilds;

  private final Map<String, NetworkIndex> indexes =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NetworkIndex> eldest) {
          return size() > MAX_INDEXES;
        }
      };

  NetworkIndexes(Database db, Clusters clusters, WrittenEntities written) {
    this.db = requireNonNull(db, "db");
    this.clusters = requireNonNull(clusters, "clusters");
    this.written = requireNonNull(written, "written");
  }

  /**
   * The link index with the clusters {@code viewer} may see, brought up to date first with the
   * statements written since it was last.
   */
  synchronized NetworkIndex current(Viewer viewer) {
    catchUp();
    Clusters.View view = clusters.view(viewer);
    NetworkIndex index = indexes.get(view.key());
    if (index == null) {
      index = NetworkIndex.build(db, view);
      fullBuilds++;
      indexes.put(view.key(), index);
    }
    return index;
  }

  /** How many times an index was built in full from the statements (for tests and benchmarks). */
  synchronized long fullBuilds() {
    return fullBuilds;
  }

  private void catchUp() {
    WrittenEntities.Written since = written.drain();
    if (since.none()) {
      return;
    }
    if (since.all()) {
      indexes.clear();
      return;
    }
    for (Iterator<Map.Entry<String, NetworkIndex>> it = indexes.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, NetworkIndex> entry = it.next();
      try {
        NetworkIndex updated = entry.getValue().updated(db, since.entityIds());
        if (updated.worthRebuilding()) {
          it.remove();
        } else {
          entry.setValue(updated);
        }
      } catch (RuntimeException e) {
        // derived data: the index is built again from the statements at this query
        LOG.warn("the link index could not be updated, it is rebuilt: {}", e.toString());
        it.remove();
      }
    }
  }
}
