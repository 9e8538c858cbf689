/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

/**
 * The nodes within {@code depth} admitted edges of {@code start}. At most {@code maxNodes} nodes
 * (the start included) are returned; a larger neighbourhood is cut off and marked truncated.
 */
public record NeighbourhoodQuery(
    String start, int depth, EdgeFilter filter, Direction direction, int maxNodes) {

  /** The default cap: enough for an analyst's view, small enough never to stall one. */
  public static final int DEFAULT_MAX_NODES = 10_000;

  public NeighbourhoodQuery {
    requireNonNull(start, "start");
    requireNonNull(filter, "filter");
    requireNonNull(direction, "direction");
    if (depth < 0) {
      throw new IllegalArgumentException("depth " + depth + " is negative");
    }
    if (maxNodes < 1) {
      throw new IllegalArgumentException("maxNodes " + maxNodes + " is below 1");
    }
  }

  public static NeighbourhoodQuery of(String start, int depth) {
    return new NeighbourhoodQuery(start, depth, EdgeFilter.ALL, Direction.BOTH, DEFAULT_MAX_NODES);
  }

  public NeighbourhoodQuery withFilter(EdgeFilter newFilter) {
    return new NeighbourhoodQuery(start, depth, newFilter, direction, maxNodes);
  }

  public NeighbourhoodQuery withMaxNodes(int cap) {
    return new NeighbourhoodQuery(start, depth, filter, direction, cap);
  }
}
