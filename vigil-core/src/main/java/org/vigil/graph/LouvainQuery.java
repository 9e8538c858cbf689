/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

/**
 * Louvain community detection (Blondel et al. 2008) on the simple undirected view: nodes visited in
 * an order shuffled by {@code seed}, so one seed always gives one answer. {@code weighted} uses
 * summed edge weights, otherwise each linked pair weighs 1.
 */
public record LouvainQuery(long seed, double resolution, boolean weighted, int maxLevels) {
  public LouvainQuery {
    if (!(resolution > 0)) {
      throw new IllegalArgumentException("resolution " + resolution + " is not positive");
    }
    if (maxLevels < 1) {
      throw new IllegalArgumentException("maxLevels " + maxLevels + " is below 1");
    }
  }

  public static LouvainQuery seeded(long seed) {
    return new LouvainQuery(seed, 1.0, false, 32);
  }
}
