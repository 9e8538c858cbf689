/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

/** Newman's modularity of a partition of the simple undirected view. */
final class Modularity {
  private Modularity() {}

  static double of(Graph graph, int[] community, boolean weighted, double resolution) {
    int n = graph.nodeCount();
    int communities = 0;
    for (int c : community) {
      communities = Math.max(communities, c + 1);
    }
    double[] inside = new double[communities];
    double[] total = new double[communities];
    double m2 = 0;
    for (int u = 0; u < n; u++) {
      for (int k = graph.simpleStart()[u]; k < graph.simpleStart()[u + 1]; k++) {
        double w = weighted ? graph.simpleWeight()[k] : 1.0;
        m2 += w;
        total[community[u]] += w;
        if (community[graph.simpleNode()[k]] == community[u]) {
          inside[community[u]] += w;
        }
      }
    }
    if (m2 == 0) {
      return 0;
    }
    double q = 0;
    for (int c = 0; c < communities; c++) {
      q += inside[c] / m2 - resolution * (total[c] / m2) * (total[c] / m2);
    }
    return q;
  }
}
