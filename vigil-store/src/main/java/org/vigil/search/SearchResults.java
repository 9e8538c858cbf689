/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.Schema;

/**
 * The hits of a search, best first, how many matched in all (for this viewer), and for each facet
 * dimension its most frequent values among all matching records (not just this page; a record
 * counts once per value, and the records merged into one entity count each).
 */
public record SearchResults(
    long total, List<Hit> hits, Map<FacetDimension, List<FacetCount>> facets) {
  public SearchResults {
    hits = List.copyOf(hits);
    Map<FacetDimension, List<FacetCount>> copy = new LinkedHashMap<>();
    requireNonNull(facets, "facets").forEach((d, counts) -> copy.put(d, List.copyOf(counts)));
    facets = Collections.unmodifiableMap(copy);
  }

  /** Results without facet counts. */
  public SearchResults(long total, List<Hit> hits) {
    this(total, hits, Map.of());
  }

  /**
   * One matching entity or document: its id (canonical when the store resolves it), schema,
   * caption, score, the matching text with the query words wrapped in {@code <mark>} (all other
   * text escaped), and the TLP labels of the statements that matched, most open first.
   */
  public record Hit(
      String entityId,
      Schema schema,
      String caption,
      float score,
      List<String> snippets,
      List<String> markings) {
    public Hit {
      snippets = List.copyOf(snippets);
      markings = List.copyOf(markings);
    }

    /** A hit without the markings of its matching text. */
    public Hit(String entityId, Schema schema, String caption, float score, List<String> snippets) {
      this(entityId, schema, caption, score, snippets, List.of());
    }
  }

  /** A facet value and how many matching records have it. */
  public record FacetCount(String value, long count) {
    public FacetCount {
      requireNonNull(value, "value");
    }
  }
}
