/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Brute force: Jaro–Winkler similarity (Apache Commons Text) between the folded query and every
 * folded list name, keeping the best k. No index, so every query costs one comparison per name.
 */
final class JaroWinklerBaseline implements NameSearchBaseline {
  private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();
  private List<String> names = List.of();

  private record Scored(int position, double score) {}

  @Override
  public String describe() {
    return "brute-force Jaro-Winkler (Apache Commons Text) over every list name";
  }

  @Override
  public void build(List<String> listNames) {
    List<String> folded = new ArrayList<>(listNames.size());
    for (String name : listNames) {
      folded.add(NameSearchBaseline.fold(name));
    }
    names = folded;
  }

  @Override
  public int[] top(String query, int k) {
    String q = NameSearchBaseline.fold(query);
    PriorityQueue<Scored> best =
        new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.score(), b.score()));
    for (int i = 0; i < names.size(); i++) {
      double score = similarity.apply(q, names.get(i));
      if (best.size() < k) {
        best.add(new Scored(i, score));
      } else if (score > best.peek().score()) {
        best.poll();
        best.add(new Scored(i, score));
      }
    }
    int[] out = new int[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = best.poll().position();
    }
    return out;
  }
}
