/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Nodes whose distinct neighbours fall in two or more communities, by participation. */
final class Brokers {
  private Brokers() {}

  static List<Broker> of(Graph graph, Communities communities, int limit) {
    int n = graph.nodeCount();
    Map<String, Integer> number = new HashMap<>();
    int[] community = new int[n];
    for (int u = 0; u < n; u++) {
      community[u] = number.computeIfAbsent(communities.labels().get(u), l -> number.size());
    }
    List<Broker> brokers = new ArrayList<>();
    double[] degree = new double[n];
    Map<Integer, Integer> perCommunity = new HashMap<>();
    for (int u = 0; u < n; u++) {
      perCommunity.clear();
      int links = graph.simpleDegree(u);
      degree[u] = links;
      for (int k = graph.simpleStart()[u]; k < graph.simpleStart()[u + 1]; k++) {
        perCommunity.merge(community[graph.simpleNode()[k]], 1, Integer::sum);
      }
      int reached = perCommunity.size() + (perCommunity.containsKey(community[u]) ? 0 : 1);
      if (links == 0 || reached < 2) {
        continue;
      }
      double sum = 0;
      for (int count : perCommunity.values()) {
        sum += ((double) count / links) * ((double) count / links);
      }
      List<String> crossing = new ArrayList<>();
      for (int k = graph.outStart[u]; k < graph.outStart[u + 1]; k++) {
        if (community[graph.outNode[k]] != community[u]) {
          crossing.add(graph.edgeId(graph.outEdge[k]));
        }
      }
      if (graph.directed()) {
        for (int k = graph.inStart[u]; k < graph.inStart[u + 1]; k++) {
          if (community[graph.inNode[k]] != community[u]) {
            crossing.add(graph.edgeId(graph.inEdge[k]));
          }
        }
      }
      brokers.add(new Broker(graph.nodeId(u), 1 - sum, reached, crossing));
    }
    brokers.sort(
        Comparator.comparingDouble(Broker::participation)
            .reversed()
            .thenComparing(b -> -degree[graph.expectIndex(b.nodeId())])
            .thenComparingInt(b -> graph.expectIndex(b.nodeId())));
    return List.copyOf(brokers.subList(0, Math.min(limit, brokers.size())));
  }
}
