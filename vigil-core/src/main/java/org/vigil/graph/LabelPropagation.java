/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.Arrays;

/**
 * Community detection by label propagation as LDBC Graphalytics defines it (CDLP): every node
 * starts with its own label; in each of a fixed number of synchronous rounds every node takes the
 * label most frequent among its neighbours (in a directed graph in- and out-neighbours both count,
 * a node that is both counting twice), ties going to the smallest label. Labels are node numbers,
 * so "smallest" means first added. A node without neighbours keeps its label.
 */
final class LabelPropagation {
  private LabelPropagation() {}

  static int[] labels(Graph graph, int iterations) {
    int n = graph.nodeCount();
    int[] label = new int[n];
    for (int u = 0; u < n; u++) {
      label[u] = u;
    }
    int[] next = new int[n];
    int maxDegree = 0;
    for (int u = 0; u < n; u++) {
      int degree = graph.outDegree(u) + (graph.directed() ? graph.inDegree(u) : 0);
      maxDegree = Math.max(maxDegree, degree);
    }
    int[] seen = new int[maxDegree];
    int rows = graph.directed() ? 2 : 1;
    for (int iteration = 0; iteration < iterations; iteration++) {
      for (int u = 0; u < n; u++) {
        int count = 0;
        for (int r = 0; r < rows; r++) {
          int[] rowStart = r == 0 ? graph.outStart : graph.inStart;
          int[] rowNode = r == 0 ? graph.outNode : graph.inNode;
          for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
            seen[count++] = label[rowNode[k]];
          }
        }
        next[u] = count == 0 ? label[u] : mostFrequentSmallest(seen, count);
      }
      int[] swap = label;
      label = next;
      next = swap;
    }
    return label;
  }

  private static int mostFrequentSmallest(int[] values, int count) {
    Arrays.sort(values, 0, count);
    int best = values[0];
    int bestRun = 0;
    int i = 0;
    while (i < count) {
      int j = i;
      while (j < count && values[j] == values[i]) {
        j++;
      }
      if (j - i > bestRun) {
        bestRun = j - i;
        best = values[i];
      }
      i = j;
    }
    return best;
  }
}
