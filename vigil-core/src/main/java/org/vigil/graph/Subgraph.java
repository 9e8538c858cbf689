/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.List;

/** Nodes in the order asked (duplicates dropped) and the edges among them in edge order. */
public record Subgraph(List<String> nodeIds, List<String> edgeIds) {
  public Subgraph {
    nodeIds = List.copyOf(nodeIds);
    edgeIds = List.copyOf(edgeIds);
  }
}
