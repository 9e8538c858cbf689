/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve.evaluation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.resolve.RecordPair;

/**
 * Pairwise quality of a clustering: every pair of records put in one cluster is a merge; it is
 * right when the gold puts them together too.
 *
 * @param truePositives pairs together in both
 * @param falsePositives pairs merged that the gold keeps apart
 * @param falseNegatives pairs the gold puts together that were not merged
 */
public record PairwiseScore(long truePositives, long falsePositives, long falseNegatives) {
  public double precision() {
    long merged = truePositives + falsePositives;
    return merged == 0 ? 1.0 : (double) truePositives / merged;
  }

  public double recall() {
    long gold = truePositives + falseNegatives;
    return gold == 0 ? 1.0 : (double) truePositives / gold;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  /** Compares the pairs within {@code clusters} with the pairs within {@code gold}. */
  public static PairwiseScore of(
      Collection<? extends Collection<String>> clusters,
      Collection<? extends Collection<String>> gold) {
    Set<RecordPair> found = pairs(clusters);
    Set<RecordPair> expected = pairs(gold);
    long tp = found.stream().filter(expected::contains).count();
    return new PairwiseScore(tp, found.size() - tp, expected.size() - tp);
  }

  static Set<RecordPair> pairs(Collection<? extends Collection<String>> clusters) {
    Set<RecordPair> out = new HashSet<>();
    for (Collection<String> cluster : clusters) {
      List<String> ids = List.copyOf(cluster);
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          out.add(RecordPair.of(ids.get(i), ids.get(j)));
        }
      }
    }
    return out;
  }
}
