/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How alike two records are, and why.
 *
 * @param left the record with the smaller id
 * @param right the other record
 * @param score in [0, 1]: the best name agreement, raised a little by shared context
 * @param reasons what the score rests on, one line each, such as "name: IRGC ~ IRCG (one
 *     transposition)"
 * @param conflicts what the records disagree on (schema, birth date, nationality, one list); any
 *     conflict forbids a machine merge
 * @param decision merge, review or apart
 */
public record PairScore(
    String left,
    String right,
    double score,
    List<String> reasons,
    List<String> conflicts,
    Decision decision) {
  public PairScore {
    requireNonNull(left, "left");
    requireNonNull(right, "right");
    reasons = List.copyOf(reasons);
    conflicts = List.copyOf(conflicts);
    requireNonNull(decision, "decision");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("a pair score must be in [0, 1], not " + score);
    }
  }

  /** Reasons and conflicts together, conflicts marked, for people and for a judgement's reason. */
  public List<String> explanation() {
    List<String> out = new java.util.ArrayList<>(reasons);
    conflicts.forEach(c -> out.add("conflict: " + c));
    return List.copyOf(out);
  }
}
