/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

/**
 * Up to {@code k} shortest loopless paths from {@code from} to {@code to} over admitted edges,
 * shortest first. Unweighted paths count edges (breadth-first search); weighted paths sum edge
 * weights (Dijkstra). More than one path is found by Yen's algorithm. Parallel edges are distinct
 * edges, so two paths may differ only in which report's edge they cite.
 */
public record PathQuery(
    String from, String to, int k, EdgeFilter filter, Direction direction, boolean weighted) {

  /** An upper bound on k, so that one request cannot ask for millions of paths. */
  public static final int MAX_K = 100;

  public PathQuery {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(filter, "filter");
    requireNonNull(direction, "direction");
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k " + k + " is not in 1.." + MAX_K);
    }
  }

  public static PathQuery shortest(String from, String to) {
    return new PathQuery(from, to, 1, EdgeFilter.ALL, Direction.BOTH, false);
  }

  public PathQuery withK(int paths) {
    return new PathQuery(from, to, paths, filter, direction, weighted);
  }

  public PathQuery byWeight() {
    return new PathQuery(from, to, k, filter, direction, true);
  }

  public PathQuery withFilter(EdgeFilter newFilter) {
    return new PathQuery(from, to, k, newFilter, direction, weighted);
  }

  public PathQuery withDirection(Direction newDirection) {
    return new PathQuery(from, to, k, filter, newDirection, weighted);
  }
}
