/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import java.util.Locale;
import org.vigil.model.InvalidValueException;

/** The centrality measures a network answer can carry. */
public enum Measure {
  /** PageRank, damping 0.85, 50 iterations (LDBC's definition). */
  PAGERANK,
  /** Normalised betweenness on the simple undirected view (networkx's scaling). */
  BETWEENNESS,
  /** Distinct neighbours. */
  DEGREE;

  /** The name used in JSON and on the command line, such as "pagerank". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws InvalidValueException naming the text and the measures known
   */
  public static Measure parse(String text) {
    for (Measure m : values()) {
      if (m.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new InvalidValueException(
        "unknown measure '" + text + "'; use pagerank, betweenness or degree");
  }
}
