/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Visible names and titles of one entity, with how many statements give each. */
final class Captions {
  final Map<String, Integer> names = new TreeMap<>();
  final Map<String, Integer> otherNames = new TreeMap<>();
  final Map<String, Integer> titles = new TreeMap<>();

  /** A "name" value, else a title, else an alias or other name: a hidden name is not used. */
  Optional<String> best() {
    return mostFrequent(names).or(() -> mostFrequent(titles)).or(() -> mostFrequent(otherNames));
  }

  private static Optional<String> mostFrequent(Map<String, Integer> counts) {
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) { // strictly greater: ties keep the alphabetically first
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return Optional.ofNullable(best);
  }
}
