/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import java.util.List;

/**
 * Paths between two entities, shortest first, with the nodes and links they pass through (each link
 * with its evidence). No path is an empty list, not an error.
 */
public record PathsView(
    List<Path> paths, List<NetworkNode> nodes, List<NetworkEdge> edges, boolean truncated) {
  public PathsView {
    paths = List.copyOf(paths);
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** One path: {@code edges.get(i)} joins {@code nodes.get(i)} and {@code nodes.get(i + 1)}. */
  public record Path(List<String> nodes, List<String> edges) {
    public Path {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
    }

    public int length() {
      return edges.size();
    }
  }
}
