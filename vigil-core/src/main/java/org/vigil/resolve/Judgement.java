/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A recorded decision about two records: same, different or unsure; who made it (a user id, or
 * "machine" with its score), when and why. An undone judgement stays in the history with who undid
 * it and when; only judgements still in force shape canonical ids, and only for the readers of its
 * {@link Audience}, who are also the only ones to see it and its reason.
 */
public record Judgement(
    long id,
    String left,
    String right,
    Verdict verdict,
    String judgedBy,
    Instant judgedAt,
    String reason,
    OptionalDouble score,
    Optional<String> undoneBy,
    Optional<Instant> undoneAt,
    Audience audience) {

  public Judgement {
    requireNonNull(left, "left");
    requireNonNull(right, "right");
    requireNonNull(verdict, "verdict");
    requireNonNull(judgedBy, "judgedBy");
    requireNonNull(judgedAt, "judgedAt");
    requireNonNull(reason, "reason");
    requireNonNull(score, "score");
    requireNonNull(undoneBy, "undoneBy");
    requireNonNull(undoneAt, "undoneAt");
    requireNonNull(audience, "audience");
    if (left.equals(right)) {
      throw new IllegalArgumentException("a judgement needs two different records: " + left);
    }
  }

  public boolean inForce() {
    return undoneAt.isEmpty();
  }

  /** Whether this judgement is about the pair {a, b}, in either order. */
  public boolean concerns(String a, String b) {
    return (left.equals(a) && right.equals(b)) || (left.equals(b) && right.equals(a));
  }
}
