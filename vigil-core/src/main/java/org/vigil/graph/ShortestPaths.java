/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/** Shortest paths: BFS when unweighted, Dijkstra when weighted, Yen's algorithm for k > 1. */
final class ShortestPaths {
  private final Graph graph;
  private final EdgeFilter filter;
  private final int rows;
  private final boolean weighted;
  private final boolean admitsAll;

  ShortestPaths(Graph graph, EdgeFilter filter, Direction direction, boolean weighted) {
    this.graph = graph;
    this.filter = filter;
    this.rows = graph.directed() && direction == Direction.BOTH ? 2 : 1;
    this.weighted = weighted;
    this.admitsAll = filter.admitsAll();
  }

  List<GraphPath> paths(PathQuery query) {
    int from = graph.expectIndex(query.from());
    int to = graph.expectIndex(query.to());
    Optional<int[]> first = shortest(from, to, new BitSet(), new BitSet());
    if (first.isEmpty()) {
      return List.of();
    }
    List<int[]> found = new ArrayList<>();
    found.add(first.get());
    if (query.k() > 1) {
      yen(from, to, query.k(), found);
    }
    return found.stream().map(this::toPath).toList();
  }

  /** Distances from the source over admitted edges; infinity when unreachable. */
  double[] distances(int source) {
    double[] distance = new double[graph.nodeCount()];
    Arrays.fill(distance, Double.POSITIVE_INFINITY);
    distance[source] = 0;
    DoubleIntHeap heap = new DoubleIntHeap();
    heap.push(0, source);
    while (!heap.isEmpty()) {
      double d = heap.peekKey();
      int u = heap.pop();
      if (d > distance[u]) {
        continue;
      }
      for (int r = 0; r < rows; r++) {
        int[] rowStart = r == 0 ? graph.outStart : graph.inStart;
        int[] rowNode = r == 0 ? graph.outNode : graph.inNode;
        int[] rowEdge = r == 0 ? graph.outEdge : graph.inEdge;
        for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
          int e = rowEdge[k];
          if (!admits(e)) {
            continue;
          }
          double next = d + length(e);
          if (next < distance[rowNode[k]]) {
            distance[rowNode[k]] = next;
            heap.push(next, rowNode[k]);
          }
        }
      }
    }
    return distance;
  }

  /**
   * One shortest path as an array: nodes at even positions, the edges between them at odd ones,
   * avoiding banned nodes and edges.
   */
  private Optional<int[]> shortest(int from, int to, BitSet bannedNodes, BitSet bannedEdges) {
    if (from == to) {
      return Optional.of(new int[] {from});
    }
    return weighted
        ? bidirectionalDijkstra(from, to, bannedNodes, bannedEdges)
        : bidirectional(from, to, bannedNodes, bannedEdges);
  }

  /**
   * Breadth-first search from both ends, always growing the smaller frontier by one whole level; on
   * graphs with hubs it touches a small fraction of what a one-sided search does. The level in
   * which the searches meet is finished and its shortest meeting kept, so the path is shortest.
   */
  private Optional<int[]> bidirectional(int from, int to, BitSet bannedNodes, BitSet bannedEdges) {
    int n = graph.nodeCount();
    byte[] side = new byte[n];
    int[] depth = new int[n];
    int[] viaEdge = new int[n];
    int[] viaNode = new int[n];
    int[][] queues = {new int[n], new int[n]};
    int[] head = {0, 0};
    int[] tail = {0, 0};
    side[from] = 1;
    side[to] = 2;
    queues[0][tail[0]++] = from;
    queues[1][tail[1]++] = to;
    int best = Integer.MAX_VALUE;
    int meetForward = -1;
    int meetBackward = -1;
    int meetEdge = -1;
    while (head[0] < tail[0] && head[1] < tail[1] && best == Integer.MAX_VALUE) {
      int s = tail[0] - head[0] <= tail[1] - head[1] ? 0 : 1;
      byte mine = (byte) (s + 1);
      int levelEnd = tail[s];
      int[] queue = queues[s];
      for (; head[s] < levelEnd; head[s]++) {
        int u = queue[head[s]];
        for (int r = 0; r < rows; r++) {
          boolean outgoing = (r == 0) == (s == 0);
          int[] rowStart = outgoing ? graph.outStart : graph.inStart;
          int[] rowNode = outgoing ? graph.outNode : graph.inNode;
          int[] rowEdge = outgoing ? graph.outEdge : graph.inEdge;
          for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
            int e = rowEdge[k];
            int v = rowNode[k];
            if (bannedEdges.get(e) || bannedNodes.get(v) || !admits(e)) {
              continue;
            }
            if (side[v] == 0) {
              side[v] = mine;
              depth[v] = depth[u] + 1;
              viaEdge[v] = e;
              viaNode[v] = u;
              queue[tail[s]++] = v;
            } else if (side[v] != mine && depth[u] + 1 + depth[v] < best) {
              best = depth[u] + 1 + depth[v];
              meetForward = s == 0 ? u : v;
              meetBackward = s == 0 ? v : u;
              meetEdge = e;
            }
          }
        }
      }
    }
    if (best == Integer.MAX_VALUE) {
      return Optional.empty();
    }
    int[] walk = new int[2 * best + 1];
    int i = 2 * depth[meetForward];
    walk[i] = meetForward;
    for (int v = meetForward; v != from; v = viaNode[v]) {
      walk[--i] = viaEdge[v];
      walk[--i] = viaNode[v];
    }
    i = 2 * depth[meetForward];
    walk[++i] = meetEdge;
    walk[++i] = meetBackward;
    for (int v = meetBackward; v != to; v = viaNode[v]) {
      walk[++i] = viaEdge[v];
      walk[++i] = viaNode[v];
    }
    return Optional.of(walk);
  }

  /**
   * Dijkstra from both ends, settling next whichever side's nearest node is nearer, and stopping
   * once the two nearest unsettled distances add up to no less than the best meeting found.
   */
  private Optional<int[]> bidirectionalDijkstra(
      int from, int to, BitSet bannedNodes, BitSet bannedEdges) {
    int n = graph.nodeCount();
    double[][] distance = {new double[n], new double[n]};
    Arrays.fill(distance[0], Double.POSITIVE_INFINITY);
    Arrays.fill(distance[1], Double.POSITIVE_INFINITY);
    int[][] viaEdge = {new int[n], new int[n]};
    int[][] viaNode = {new int[n], new int[n]};
    DoubleIntHeap[] heaps = {new DoubleIntHeap(), new DoubleIntHeap()};
    distance[0][from] = 0;
    distance[1][to] = 0;
    heaps[0].push(0, from);
    heaps[1].push(0, to);
    double best = Double.POSITIVE_INFINITY;
    int meetForward = -1;
    int meetBackward = -1;
    int meetEdge = -1;
    while (!heaps[0].isEmpty() && !heaps[1].isEmpty()) {
      if (heaps[0].peekKey() + heaps[1].peekKey() >= best) {
        break;
      }
      int s = heaps[0].peekKey() <= heaps[1].peekKey() ? 0 : 1;
      double d = heaps[s].peekKey();
      int u = heaps[s].pop();
      if (d > distance[s][u]) {
        continue;
      }
      double[] mine = distance[s];
      double[] theirs = distance[1 - s];
      for (int r = 0; r < rows; r++) {
        boolean outgoing = (r == 0) == (s == 0);
        int[] rowStart = outgoing ? graph.outStart : graph.inStart;
        int[] rowNode = outgoing ? graph.outNode : graph.inNode;
        int[] rowEdge = outgoing ? graph.outEdge : graph.inEdge;
        for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
          int e = rowEdge[k];
          int v = rowNode[k];
          if (bannedEdges.get(e) || bannedNodes.get(v) || !admits(e)) {
            continue;
          }
          double next = d + graph.edgeWeight(e);
          if (next < mine[v]) {
            mine[v] = next;
            viaEdge[s][v] = e;
            viaNode[s][v] = u;
            heaps[s].push(next, v);
          }
          if (next + theirs[v] < best) {
            best = next + theirs[v];
            meetForward = s == 0 ? u : v;
            meetBackward = s == 0 ? v : u;
            meetEdge = e;
          }
        }
      }
    }
    if (meetEdge < 0) {
      return Optional.empty();
    }
    int forwardHops = 0;
    for (int v = meetForward; v != from; v = viaNode[0][v]) {
      forwardHops++;
    }
    int backwardHops = 0;
    for (int v = meetBackward; v != to; v = viaNode[1][v]) {
      backwardHops++;
    }
    int[] walk = new int[2 * (forwardHops + 1 + backwardHops) + 1];
    int i = 2 * forwardHops;
    walk[i] = meetForward;
    for (int v = meetForward; v != from; v = viaNode[0][v]) {
      walk[--i] = viaEdge[0][v];
      walk[--i] = viaNode[0][v];
    }
    i = 2 * forwardHops;
    walk[++i] = meetEdge;
    walk[++i] = meetBackward;
    for (int v = meetBackward; v != to; v = viaNode[1][v]) {
      walk[++i] = viaEdge[1][v];
      walk[++i] = viaNode[1][v];
    }
    return Optional.of(walk);
  }

  private void yen(int from, int to, int k, List<int[]> found) {
    PriorityQueue<Candidate> candidates = new PriorityQueue<>();
    Set<String> seen = new HashSet<>();
    seen.add(Arrays.toString(found.get(0)));
    long order = 0;
    while (found.size() < k) {
      int[] previous = found.get(found.size() - 1);
      for (int i = 0; i + 2 < previous.length; i += 2) {
        int spur = previous[i];
        BitSet bannedEdges = new BitSet();
        for (int[] path : found) {
          if (path.length > i + 1 && Arrays.equals(path, 0, i + 1, previous, 0, i + 1)) {
            bannedEdges.set(path[i + 1]);
          }
        }
        BitSet bannedNodes = new BitSet();
        for (int j = 0; j < i; j += 2) {
          bannedNodes.set(previous[j]);
        }
        Optional<int[]> spurPath = shortest(spur, to, bannedNodes, bannedEdges);
        if (spurPath.isEmpty()) {
          continue;
        }
        int[] total = new int[i + spurPath.get().length];
        System.arraycopy(previous, 0, total, 0, i);
        System.arraycopy(spurPath.get(), 0, total, i, spurPath.get().length);
        if (seen.add(Arrays.toString(total))) {
          candidates.add(new Candidate(total, lengthOf(total), order++));
        }
      }
      Candidate next = candidates.poll();
      if (next == null) {
        return;
      }
      found.add(next.walk());
    }
  }

  private boolean admits(int edge) {
    return admitsAll || filter.admits(graph, edge);
  }

  private double length(int edge) {
    return weighted ? graph.edgeWeight(edge) : 1.0;
  }

  private double lengthOf(int[] walk) {
    double total = 0;
    for (int i = 1; i < walk.length; i += 2) {
      total += length(walk[i]);
    }
    return total;
  }

  private GraphPath toPath(int[] walk) {
    List<String> nodes = new ArrayList<>();
    List<String> edges = new ArrayList<>();
    for (int i = 0; i < walk.length; i++) {
      if (i % 2 == 0) {
        nodes.add(graph.nodeId(walk[i]));
      } else {
        edges.add(graph.edgeId(walk[i]));
      }
    }
    return new GraphPath(nodes, edges, lengthOf(walk));
  }

  private record Candidate(int[] walk, double length, long order) implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate other) {
      int byLength = Double.compare(length, other.length);
      return byLength != 0 ? byLength : Long.compare(order, other.order);
    }
  }
}
