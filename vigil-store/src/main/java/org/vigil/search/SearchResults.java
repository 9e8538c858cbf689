/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.util.List;
import org.vigil.model.Schema;

/** The hits of a search, best first, and how many matched in all (for this viewer). */
public record SearchResults(long total, List<Hit> hits) {
  public SearchResults {
    hits = List.copyOf(hits);
  }

  /**
   * One matching entity: its id (canonical when the store resolves it), schema, caption, score and
   * the matching text with the query words wrapped in {@code <mark>} (all other text escaped).
   */
  public record Hit(
      String entityId, Schema schema, String caption, float score, List<String> snippets) {
    public Hit {
      snippets = List.copyOf(snippets);
    }
  }
}
