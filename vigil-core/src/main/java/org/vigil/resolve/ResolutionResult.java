/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import java.util.List;

/**
 * What a resolution run decided.
 *
 * @param merges the pairs the machine merges, each joining two clusters that were apart (so one
 *     judgement each), best first
 * @param review the uncertain pairs, the ones that matter most first
 * @param clusters the clusters of two or more records that the merges make, each sorted, ordered by
 *     first member
 * @param records how many records were resolved
 * @param pairsScored how many pairs blocking put forward and were scored
 */
public record ResolutionResult(
    List<PairScore> merges,
    List<ReviewItem> review,
    List<List<String>> clusters,
    int records,
    int pairsScored) {
  public ResolutionResult {
    merges = List.copyOf(merges);
    review = List.copyOf(review);
    clusters = clusters.stream().map(List::copyOf).toList();
  }
}
