/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A simple way to find list names like a query, against which {@code vigil bench screening} times
 * Vigil's screener: what one would build without a names engine.
 */
interface NameSearchBaseline extends AutoCloseable {
  /** What the baseline is, for the report. */
  String describe();

  /** Indexes (or just keeps) the names; called once. */
  void build(List<String> names) throws IOException;

  /** The positions in the built list of the {@code k} names most like {@code query}. */
  int[] top(String query, int k) throws IOException;

  @Override
  default void close() throws IOException {}

  /** Lower case, accents removed, anything but letters and digits as single spaces. */
  static String fold(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }
}
