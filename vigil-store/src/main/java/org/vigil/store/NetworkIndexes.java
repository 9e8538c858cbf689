/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.vigil.access.Viewer;

/**
 * The network indexes in use, one per cluster view (readers who see the same clusters share one),
 * each rebuilt when statements or its clusters changed since it was built, through this process or
 * another on the same database (seen through the change sequence, {@link StoreChanges}); the least
 * recently used is dropped beyond {@link #MAX_INDEXES}.
 *
 * <p>Thread-safe.
 */
final class NetworkIndexes {
  /** Link indexes kept at most, one per cluster view in use. */
  private static final int MAX_INDEXES = 4;

  private final Database db;
  private final Clusters clusters;
  private final JdbcStatementRepository statements;
  private final LongSupplier othersWrites;

  private final Map<String, NetworkIndex> indexes =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NetworkIndex> eldest) {
          return size() > MAX_INDEXES;
        }
      };

  NetworkIndexes(
      Database db,
      Clusters clusters,
      JdbcStatementRepository statements,
      LongSupplier othersWrites) {
    this.db = requireNonNull(db, "db");
    this.clusters = requireNonNull(clusters, "clusters");
    this.statements = requireNonNull(statements, "statements");
    this.othersWrites = requireNonNull(othersWrites, "othersWrites");
  }

  /**
   * The link index with the clusters {@code viewer} may see, rebuilt first when statements or those
   * clusters changed since it was built.
   */
  synchronized NetworkIndex current(Viewer viewer) {
    // both only grow, so their sum moves on whenever either does
    long generation = statements.generation() + othersWrites.getAsLong();
    Clusters.View view = clusters.view(viewer);
    NetworkIndex index = indexes.get(view.key());
    if (index == null || index.statementGeneration != generation) {
      index = NetworkIndex.build(db, view, generation);
      indexes.put(view.key(), index);
    }
    return index;
  }
}
