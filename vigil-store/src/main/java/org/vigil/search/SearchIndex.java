/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.util.Collection;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;

/**
 * Full-text search over entities. The index is derived data: {@link #rebuild} recreates it from the
 * statements. A search returns only hits the viewer may see, and a hit's snippets come only from
 * statements the viewer may see.
 */
public interface SearchIndex extends AutoCloseable {

  /** Replaces the indexed form of these records (each as {@link Viewer#system()} sees it). */
  void update(Collection<Entity> records);

  /** Empties the index and indexes every record {@code source} hands over; returns the count. */
  long rebuild(java.util.function.Consumer<java.util.function.Consumer<Entity>> source);

  SearchResults search(SearchQuery query, Viewer viewer);

  @Override
  void close();
}
