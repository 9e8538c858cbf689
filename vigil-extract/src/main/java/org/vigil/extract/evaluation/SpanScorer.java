/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores predicted entity spans against gold ones, per type and match mode. A prediction finds at
 * most one gold span and a gold span is found at most once, so that one long prediction over two
 * names, or two predictions inside one name, are not counted twice.
 */
public final class SpanScorer {
  private SpanScorer() {}

  /** The counts of one document for each type, in {@code mode}. */
  public static Map<EntityType, Counts> score(
      List<TypedSpan> gold, List<TypedSpan> predicted, MatchMode mode) {
    Map<EntityType, Counts> out = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      List<TypedSpan> g = gold.stream().filter(s -> s.type() == type).toList();
      List<TypedSpan> p = predicted.stream().filter(s -> s.type() == type).toList();
      out.put(type, new Counts(g.size(), p.size(), matches(g, p, mode)));
    }
    return out;
  }

  /**
   * How many predictions find a distinct gold span. Exact extents are paired first, so that an
   * overlap never takes a gold span that a prediction of the same extent would have found.
   */
  static int matches(List<TypedSpan> gold, List<TypedSpan> predicted, MatchMode mode) {
    boolean[] goldUsed = new boolean[gold.size()];
    boolean[] predictionUsed = new boolean[predicted.size()];
    int matched = 0;
    for (int i = 0; i < predicted.size(); i++) {
      for (int j = 0; j < gold.size(); j++) {
        if (!goldUsed[j] && predicted.get(i).sameExtent(gold.get(j))) {
          goldUsed[j] = true;
          predictionUsed[i] = true;
          matched++;
          break;
        }
      }
    }
    if (mode == MatchMode.OVERLAP) {
      List<Integer> open = new ArrayList<>();
      for (int i = 0; i < predicted.size(); i++) {
        if (!predictionUsed[i]) {
          open.add(i);
        }
      }
      for (int i : open) {
        for (int j = 0; j < gold.size(); j++) {
          if (!goldUsed[j] && predicted.get(i).overlaps(gold.get(j))) {
            goldUsed[j] = true;
            matched++;
            break;
          }
        }
      }
    }
    return matched;
  }
}
