/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.Arrays;

/** Degree, betweenness and PageRank. */
final class Centrality {
  private Centrality() {}

  /** Distinct neighbours per node, either direction. */
  static double[] degree(Graph graph) {
    double[] degree = new double[graph.nodeCount()];
    for (int u = 0; u < degree.length; u++) {
      degree[u] = graph.simpleDegree(u);
    }
    return degree;
  }

  /**
   * Brandes' betweenness on the simple undirected view, unweighted, normalised as networkx does for
   * undirected graphs: the pair-dependency sums divided by (n-1)(n-2), so a node on every shortest
   * path between all other pairs scores 1.
   */
  static double[] betweenness(Graph graph) {
    int n = graph.nodeCount();
    double[] score = new double[n];
    int[] stack = new int[n];
    int[] queue = new int[n];
    int[] distance = new int[n];
    double[] paths = new double[n];
    double[] dependency = new double[n];
    int[] start = graph.simpleStart();
    int[] node = graph.simpleNode();
    for (int s = 0; s < n; s++) {
      Arrays.fill(distance, -1);
      Arrays.fill(paths, 0);
      Arrays.fill(dependency, 0);
      distance[s] = 0;
      paths[s] = 1;
      int head = 0;
      int tail = 0;
      int top = 0;
      queue[tail++] = s;
      while (head < tail) {
        int u = queue[head++];
        stack[top++] = u;
        for (int k = start[u]; k < start[u + 1]; k++) {
          int v = node[k];
          if (distance[v] < 0) {
            distance[v] = distance[u] + 1;
            queue[tail++] = v;
          }
          if (distance[v] == distance[u] + 1) {
            paths[v] += paths[u];
          }
        }
      }
      while (top > 0) {
        int w = stack[--top];
        for (int k = start[w]; k < start[w + 1]; k++) {
          int v = node[k];
          if (distance[v] == distance[w] - 1) {
            dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
          }
        }
        if (w != s) {
          score[w] += dependency[w];
        }
      }
    }
    if (n > 2) {
      double scale = 1.0 / ((double) (n - 1) * (n - 2));
      for (int u = 0; u < n; u++) {
        score[u] *= scale;
      }
    }
    return score;
  }

  static double[] pageRank(Graph graph, PageRankQuery query) {
    int n = graph.nodeCount();
    double[] rank = new double[n];
    if (n == 0) {
      return rank;
    }
    EdgeFilter filter = query.filter();
    boolean all = filter.admitsAll();
    int[] outDegree = new int[n];
    for (int u = 0; u < n; u++) {
      if (all) {
        outDegree[u] = graph.outDegree(u);
      } else {
        for (int k = graph.outStart[u]; k < graph.outStart[u + 1]; k++) {
          if (filter.admits(graph, graph.outEdge[k])) {
            outDegree[u]++;
          }
        }
      }
    }
    Arrays.fill(rank, 1.0 / n);
    double[] share = new double[n];
    double d = query.damping();
    for (int iteration = 0; iteration < query.iterations(); iteration++) {
      double dangling = 0;
      for (int u = 0; u < n; u++) {
        if (outDegree[u] == 0) {
          dangling += rank[u];
          share[u] = 0;
        } else {
          share[u] = rank[u] / outDegree[u];
        }
      }
      double base = (1 - d) / n + d * dangling / n;
      for (int v = 0; v < n; v++) {
        double incoming = 0;
        for (int k = graph.inStart[v]; k < graph.inStart[v + 1]; k++) {
          if (all || filter.admits(graph, graph.inEdge[k])) {
            incoming += share[graph.inNode[k]];
          }
        }
        rank[v] = base + d * incoming;
      }
    }
    return rank;
  }

  /**
   * Closeness on the simple undirected view, as networkx computes it with {@code wf_improved}: for
   * a node reaching r nodes (itself included) at total distance D, (r-1)/D scaled by (r-1)/(n-1),
   * so nodes in small components score low; 0 for a node reaching nothing.
   */
  static double[] closeness(Graph graph) {
    int n = graph.nodeCount();
    double[] score = new double[n];
    int[] distance = new int[n];
    int[] queue = new int[n];
    for (int s = 0; s < n; s++) {
      Arrays.fill(distance, -1);
      distance[s] = 0;
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      long total = 0;
      while (head < tail) {
        int u = queue[head++];
        total += distance[u];
        for (int k = graph.simpleStart()[u]; k < graph.simpleStart()[u + 1]; k++) {
          int v = graph.simpleNode()[k];
          if (distance[v] < 0) {
            distance[v] = distance[u] + 1;
            queue[tail++] = v;
          }
        }
      }
      if (total > 0 && n > 1) {
        double reached = tail - 1;
        score[s] = (reached / total) * (reached / (n - 1));
      }
    }
    return score;
  }

  /**
   * Eigenvector centrality on the simple undirected view, unweighted, by the power iteration
   * networkx uses: start from all ones, repeat x := x + Ax scaled to unit length (the added x keeps
   * bipartite graphs from oscillating) until the values change by less than n * 1e-9 in total, or
   * 1,000 rounds.
   */
  static double[] eigenvector(Graph graph) {
    int n = graph.nodeCount();
    double[] x = new double[n];
    if (n == 0) {
      return x;
    }
    Arrays.fill(x, 1.0 / n);
    double[] next = new double[n];
    for (int round = 0; round < 1_000; round++) {
      for (int u = 0; u < n; u++) {
        double sum = x[u];
        for (int k = graph.simpleStart()[u]; k < graph.simpleStart()[u + 1]; k++) {
          sum += x[graph.simpleNode()[k]];
        }
        next[u] = sum;
      }
      double norm = 0;
      for (double value : next) {
        norm += value * value;
      }
      norm = Math.sqrt(norm);
      double change = 0;
      for (int u = 0; u < n; u++) {
        next[u] = norm == 0 ? 0 : next[u] / norm;
        change += Math.abs(next[u] - x[u]);
      }
      double[] swap = x;
      x = next;
      next = swap;
      if (change < n * 1e-9) {
        break;
      }
    }
    return x;
  }
}
