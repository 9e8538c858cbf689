/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to a {@link NeighbourhoodQuery}: nodes in the order reached (start first), the ids of
 * the admitted edges walked between them, and whether the node cap cut the walk short.
 */
public record Neighbourhood(
    String start, List<NodeAtDepth> nodes, List<String> edgeIds, boolean truncated) {
  public Neighbourhood {
    requireNonNull(start, "start");
    nodes = List.copyOf(nodes);
    edgeIds = List.copyOf(edgeIds);
  }
}
