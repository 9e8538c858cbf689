/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facet counts of one search: each matching record (unmerged entity, or stored text) counts once
 * per value, however many of its documents (one per marking) match. Counted by ordinal within a
 * segment and turned into strings once per segment.
 */
final class FacetTally {
  /** How many values of each dimension a search shows (both engines). */
  static final int FACET_VALUES_SHOWN = 12;

  private final Map<String, long[]> counts = new HashMap<>();

  void add(String facet, long count) {
    long[] c = counts.get(facet);
    if (c == null) {
      counts.put(facet, new long[] {count});
    } else {
      c[0] += count;
    }
  }

  /** Each dimension's most frequent values, most frequent first. */
  Map<FacetDimension, List<SearchResults.FacetCount>> counts() {
    Map<FacetDimension, List<SearchResults.FacetCount>> byDimension =
        new java.util.EnumMap<>(FacetDimension.class);
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      int colon = e.getKey().indexOf(':');
      FacetDimension.ofKey(e.getKey().substring(0, colon))
          .ifPresent(
              d ->
                  byDimension
                      .computeIfAbsent(d, k -> new ArrayList<>())
                      .add(
                          new SearchResults.FacetCount(
                              e.getKey().substring(colon + 1), e.getValue()[0])));
    }
    Map<FacetDimension, List<SearchResults.FacetCount>> out = new LinkedHashMap<>();
    for (Map.Entry<FacetDimension, List<SearchResults.FacetCount>> e : byDimension.entrySet()) {
      out.put(
          e.getKey(),
          e.getValue().stream()
              .sorted(
                  Comparator.comparingLong((SearchResults.FacetCount c) -> -c.count())
                      .thenComparing(SearchResults.FacetCount::value))
              .limit(FACET_VALUES_SHOWN)
              .toList());
    }
    return out;
  }
}
