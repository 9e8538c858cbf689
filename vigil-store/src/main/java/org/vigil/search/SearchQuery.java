/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;

/**
 * A search: free text (words, "quoted phrases"; no query syntax is exposed to users), an optional
 * schema filter and a page size.
 */
public record SearchQuery(String text, Optional<Schema> schema, int limit) {
  public static final int MAX_TEXT = 1_000;
  public static final int MAX_LIMIT = 500;

  public SearchQuery {
    requireNonNull(text, "text");
    requireNonNull(schema, "schema");
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
  }
}
