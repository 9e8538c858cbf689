/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;

/**
 * Graph queries over the stored statements. Every answer holds only what {@code viewer} may see
 * under {@link org.vigil.access.MarkingPolicy}: a node needs a visible statement of its own, a link
 * a visible statement for each of its ends, and both its ends visible; evidence lists only visible
 * statements. Merged entities (resolution clusters) are one node, named by their canonical id.
 *
 * <p>Entity ids may be canonical or any member's. A query naming an entity the viewer cannot see
 * throws {@link UnknownEntityException}, exactly as for an id that does not exist.
 */
public interface Network {

  /** The canonical id of the entity, if it exists and the viewer may see it. */
  Optional<String> find(String entityId, Viewer viewer);

  NetworkView neighbours(NeighbourhoodRequest request, Viewer viewer);

  PathsView paths(PathRequest request, Viewer viewer);

  /** The given entities (unknown or invisible ones left out) and the links among them. */
  NetworkView subgraph(List<String> entityIds, LinkFilter filter, Viewer viewer);

  /** The neighbourhood, each node with its Louvain community (seeded: one answer per input). */
  NetworkView communities(NeighbourhoodRequest request, Viewer viewer);

  /** The neighbourhood, each node with the measures asked, computed over the neighbourhood. */
  NetworkView centrality(NeighbourhoodRequest request, Set<Measure> measures, Viewer viewer);

  /** At most {@code limit} dated items about the entity, oldest first. */
  TimelineView timeline(String entityId, int limit, Viewer viewer);

  /**
   * The timelines of several entities at once, each as {@link #timeline} answers it, in a bounded
   * number of queries whatever their count; keyed by the ids asked for, an unknown entity or one
   * the reader may not see left out.
   */
  Map<String, TimelineView> timelines(Collection<String> entityIds, int limit, Viewer viewer);

  /**
   * Brings the in-memory network index up to date with the statements and judgements now stored
   * (the first query after a write does this on its own) and says how large it is.
   */
  IndexSize refresh();

  /** The size of the network index and how long its last build took. */
  record IndexSize(int nodes, int links, long buildMillis) {}
}
