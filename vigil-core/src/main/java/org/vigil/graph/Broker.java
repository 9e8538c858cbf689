/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A node whose links reach several communities. {@code participation} is Guimerà and Amaral's
 * participation coefficient, 1 - Σ (links into community c / links)^2: 0 when all links stay in one
 * community, approaching 1 when they spread evenly over many. {@code crossingEdgeIds} are the
 * evidence: its edges to nodes of other communities.
 */
public record Broker(
    String nodeId, double participation, int communitiesReached, List<String> crossingEdgeIds) {
  public Broker {
    requireNonNull(nodeId, "nodeId");
    crossingEdgeIds = List.copyOf(crossingEdgeIds);
  }
}
