/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

/**
 * PageRank as LDBC Graphalytics defines it: every node starts at 1/n; each of a fixed number of
 * iterations gives every node (1-d)/n, plus d times the rank its in-neighbours send along each
 * out-edge, plus d/n times the total rank of dangling nodes (no out-edges), which is spread over
 * all nodes. On an undirected graph every edge counts both ways.
 */
public record PageRankQuery(double damping, int iterations, EdgeFilter filter) {
  public PageRankQuery {
    requireNonNull(filter, "filter");
    if (!(damping >= 0 && damping < 1)) {
      throw new IllegalArgumentException("damping " + damping + " is not in [0, 1)");
    }
    if (iterations < 0 || iterations > 10_000) {
      throw new IllegalArgumentException("iterations " + iterations + " is not in 0..10000");
    }
  }

  public static PageRankQuery of(double damping, int iterations) {
    return new PageRankQuery(damping, iterations, EdgeFilter.ALL);
  }
}
