/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** Breadth-first walks: neighbourhoods, BFS levels, subgraphs and weakly connected components. */
final class Walks {
  private Walks() {}

  static Neighbourhood neighbourhood(Graph graph, NeighbourhoodQuery query) {
    int start = graph.expectIndex(query.start());
    int[] depth = new int[graph.nodeCount()];
    Arrays.fill(depth, -1);
    int[] queue = new int[Math.min(graph.nodeCount(), query.maxNodes())];
    int head = 0;
    int tail = 0;
    queue[tail++] = start;
    depth[start] = 0;
    List<NodeAtDepth> nodes = new ArrayList<>();
    nodes.add(new NodeAtDepth(query.start(), 0));
    BitSet used = new BitSet(graph.edgeCount());
    List<String> edgeIds = new ArrayList<>();
    boolean truncated = false;
    boolean admitsAll = query.filter().admitsAll();
    int rows = graph.directed() && query.direction() == Direction.BOTH ? 2 : 1;
    walk:
    while (head < tail) {
      int u = queue[head++];
      if (depth[u] == query.depth()) {
        continue;
      }
      for (int r = 0; r < rows; r++) {
        int[] rowStart = r == 0 ? graph.outStart : graph.inStart;
        int[] rowNode = r == 0 ? graph.outNode : graph.inNode;
        int[] rowEdge = r == 0 ? graph.outEdge : graph.inEdge;
        for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
          int e = rowEdge[k];
          if (used.get(e) || !(admitsAll || query.filter().admits(graph, e))) {
            continue;
          }
          int v = rowNode[k];
          if (depth[v] < 0) {
            if (tail == query.maxNodes()) {
              truncated = true;
              break walk;
            }
            depth[v] = depth[u] + 1;
            queue[tail++] = v;
            nodes.add(new NodeAtDepth(graph.nodeId(v), depth[v]));
          }
          used.set(e);
          edgeIds.add(graph.edgeId(e));
        }
      }
    }
    return new Neighbourhood(query.start(), nodes, edgeIds, truncated);
  }

  /** Edges from the source to each node: 0 for the source, infinity when unreachable. */
  static double[] levels(Graph graph, int source, EdgeFilter filter, Direction direction) {
    double[] level = new double[graph.nodeCount()];
    Arrays.fill(level, Double.POSITIVE_INFINITY);
    int[] queue = new int[graph.nodeCount()];
    int head = 0;
    int tail = 0;
    queue[tail++] = source;
    level[source] = 0;
    int rows = graph.directed() && direction == Direction.BOTH ? 2 : 1;
    boolean admitsAll = filter.admitsAll();
    while (head < tail) {
      int u = queue[head++];
      for (int r = 0; r < rows; r++) {
        int[] rowStart = r == 0 ? graph.outStart : graph.inStart;
        int[] rowNode = r == 0 ? graph.outNode : graph.inNode;
        int[] rowEdge = r == 0 ? graph.outEdge : graph.inEdge;
        for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
          int v = rowNode[k];
          if (level[v] == Double.POSITIVE_INFINITY
              && (admitsAll || filter.admits(graph, rowEdge[k]))) {
            level[v] = level[u] + 1;
            queue[tail++] = v;
          }
        }
      }
    }
    return level;
  }

  static Subgraph subgraph(Graph graph, SubgraphQuery query) {
    BitSet inside = new BitSet(graph.nodeCount());
    List<String> nodes = new ArrayList<>();
    for (String id : query.nodeIds()) {
      int node = graph.expectIndex(id);
      if (!inside.get(node)) {
        inside.set(node);
        nodes.add(id);
      }
    }
    BitSet edges = new BitSet(graph.edgeCount());
    for (int u = inside.nextSetBit(0); u >= 0; u = inside.nextSetBit(u + 1)) {
      for (int k = graph.outStart[u]; k < graph.outStart[u + 1]; k++) {
        int e = graph.outEdge[k];
        if (inside.get(graph.outNode[k]) && query.filter().admits(graph, e)) {
          edges.set(e);
        }
      }
    }
    List<String> edgeIds = new ArrayList<>();
    for (int e = edges.nextSetBit(0); e >= 0; e = edges.nextSetBit(e + 1)) {
      edgeIds.add(graph.edgeId(e));
    }
    return new Subgraph(nodes, edgeIds);
  }

  /**
   * Weakly connected components over admitted edges: each node's component number is the lowest
   * node number in its component.
   */
  static int[] components(Graph graph, EdgeFilter filter) {
    int n = graph.nodeCount();
    int[] component = new int[n];
    Arrays.fill(component, -1);
    int[] queue = new int[n];
    int rows = graph.directed() ? 2 : 1;
    for (int s = 0; s < n; s++) {
      if (component[s] >= 0) {
        continue;
      }
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      component[s] = s;
      while (head < tail) {
        int u = queue[head++];
        for (int r = 0; r < rows; r++) {
          int[] rowStart = r == 0 ? graph.outStart : graph.inStart;
          int[] rowNode = r == 0 ? graph.outNode : graph.inNode;
          int[] rowEdge = r == 0 ? graph.outEdge : graph.inEdge;
          for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
            int v = rowNode[k];
            if (component[v] < 0 && filter.admits(graph, rowEdge[k])) {
              component[v] = s;
              queue[tail++] = v;
            }
          }
        }
      }
    }
    return component;
  }
}
