/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;

/**
 * A search: free text (words, "quoted phrases"; no query syntax is exposed to users), an optional
 * schema filter, facet values every hit must have, and a page size.
 */
public record SearchQuery(String text, Optional<Schema> schema, int limit, List<Filter> filters) {
  public static final int MAX_TEXT = 1_000;
  public static final int MAX_LIMIT = 500;
  public static final int MAX_FILTERS = 20;
  public static final int MAX_FILTER_VALUE = 256;

  /** A facet value that every hit must have, e.g. country "ir". */
  public record Filter(FacetDimension dimension, String value) {
    public Filter {
      requireNonNull(dimension, "dimension");
      requireNonNull(value, "value");
      if (value.isBlank() || value.length() > MAX_FILTER_VALUE) {
        throw new InvalidValueException(
            "a " + dimension.key() + " filter has 1.." + MAX_FILTER_VALUE + " chars");
      }
    }
  }

  public SearchQuery {
    requireNonNull(text, "text");
    requireNonNull(schema, "schema");
    filters = List.copyOf(requireNonNull(filters, "filters"));
    if (text.isBlank()) {
      throw new InvalidValueException("the search text is empty");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidValueException(
          "the search text is " + text.length() + " chars long; the limit is " + MAX_TEXT);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit " + limit + " is outside 1.." + MAX_LIMIT);
    }
    if (filters.size() > MAX_FILTERS) {
      throw new InvalidValueException(
          filters.size() + " filters are too many; the limit is " + MAX_FILTERS);
    }
  }

  /** A search with no facet filters. */
  public SearchQuery(String text, Optional<Schema> schema, int limit) {
    this(text, schema, limit, List.of());
  }
}
