/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import java.util.List;

/**
 * Nodes and the links among them that one reader may see; {@code truncated} when a cap cut the
 * answer short. {@code brokers} is filled by community answers only: the nodes bridging
 * communities, strongest first.
 */
public record NetworkView(
    List<NetworkNode> nodes, List<NetworkEdge> edges, boolean truncated, List<BrokerView> brokers) {
  public NetworkView {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    brokers = List.copyOf(brokers);
  }

  /** A node whose links reach several communities, with its participation coefficient. */
  public record BrokerView(
      String id, double participation, int communitiesReached, List<String> crossingEdges) {
    public BrokerView {
      crossingEdges = List.copyOf(crossingEdges);
    }
  }
}
