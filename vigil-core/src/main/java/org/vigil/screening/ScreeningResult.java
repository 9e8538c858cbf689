/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to one query: matches at or above its threshold, best first, at most its limit.
 *
 * @param query the query answered
 * @param matches the matches, best first; empty when nothing on the lists comes close
 * @param candidatesCompared how many list names were compared in full
 */
public record ScreeningResult(
    ScreeningQuery query, List<ScreeningMatch> matches, int candidatesCompared) {
  public ScreeningResult {
    requireNonNull(query, "query");
    matches = List.copyOf(matches);
  }

  public boolean hasMatch() {
    return !matches.isEmpty();
  }
}
