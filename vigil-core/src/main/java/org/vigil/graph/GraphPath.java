/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.List;

/**
 * A walk from the first node to the last: {@code edgeIds.get(i)} joins {@code nodeIds.get(i)} and
 * {@code nodeIds.get(i + 1)}. Its length is its edge count, or its weight sum when weighted.
 */
public record GraphPath(List<String> nodeIds, List<String> edgeIds, double length) {
  public GraphPath {
    nodeIds = List.copyOf(nodeIds);
    edgeIds = List.copyOf(edgeIds);
    if (nodeIds.isEmpty() || edgeIds.size() != nodeIds.size() - 1) {
      throw new IllegalArgumentException(
          "a path of " + nodeIds.size() + " nodes cannot have " + edgeIds.size() + " edges");
    }
  }
}
