/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The given nodes and every admitted edge between two of them. */
public record SubgraphQuery(List<String> nodeIds, EdgeFilter filter) {
  public SubgraphQuery {
    nodeIds = List.copyOf(nodeIds);
    requireNonNull(filter, "filter");
  }

  public static SubgraphQuery of(List<String> nodeIds) {
    return new SubgraphQuery(nodeIds, EdgeFilter.ALL);
  }
}
