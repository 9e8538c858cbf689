/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a screening batch as a surface received it: its cells under the names the surface gave
 * them (a CSV header, the keys of a JSON object, command-line options), and where it came from.
 * {@link ScreeningRows} turns it into a query.
 *
 * @param where where the row came from, as its surface names places ("line 3", "queries[2]")
 * @param cells the cells by column name, in the order received; names are matched to fields by
 *     {@link ScreeningRows}' aliases, values are taken as written
 */
public record ScreeningRow(String where, Map<String, String> cells) {
  public ScreeningRow {
    requireNonNull(where, "where");
    requireNonNull(cells, "cells");
    Map<String, String> copy = new LinkedHashMap<>();
    cells.forEach(
        (column, value) ->
            copy.put(
                requireNonNull(column, "a column name of " + where),
                requireNonNull(value, () -> "the value of column " + column + " of " + where)));
    cells = Collections.unmodifiableMap(copy);
  }

  /** A row that holds a name and nothing else. */
  public static ScreeningRow ofName(String where, String name) {
    return new ScreeningRow(where, Map.of(ScreeningRows.Field.NAME.key(), name));
  }

  /** The row's cells joined by commas, to show a row that is not a valid query. */
  public String text() {
    return String.join(", ", cells.values());
  }
}
