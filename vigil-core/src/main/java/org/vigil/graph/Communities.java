/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partition of the nodes: {@code labels.get(i)} is the label (a member's node id) of the group
 * holding {@code graph.nodeId(i)}. Carries the partition's modularity on the simple undirected view
 * (unweighted) and the ids of the edges the method used.
 */
public record Communities(
    String method, Graph graph, List<String> labels, double modularity, List<String> edgeIds) {
  public Communities {
    requireNonNull(method, "method");
    requireNonNull(graph, "graph");
    labels = List.copyOf(labels);
    edgeIds = List.copyOf(edgeIds);
    if (labels.size() != graph.nodeCount()) {
      throw new IllegalArgumentException(
          labels.size() + " labels for " + graph.nodeCount() + " nodes");
    }
  }

  public String labelOf(String nodeId) {
    return labels.get(graph.expectIndex(nodeId));
  }

  /** The groups, largest first (ties by first member), members in node order. */
  public List<List<String>> groups() {
    Map<String, List<String>> byLabel = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      byLabel.computeIfAbsent(labels.get(i), l -> new ArrayList<>()).add(graph.nodeId(i));
    }
    List<List<String>> groups = new ArrayList<>(byLabel.values());
    groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
    return groups.stream().map(List::copyOf).toList();
  }

  public int count() {
    return (int) labels.stream().distinct().count();
  }
}
