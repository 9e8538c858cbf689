/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

/**
 * What a named party says: a relation or an event, with the claimant and its stance. Two claims
 * about one event with opposite stances are what corroboration weighs.
 */
public record Claim(Mention claimant, Stance stance, Claimed claimed) {
  /** What is claimed: a relation or an event. */
  public sealed interface Claimed permits Relation, ExtractedEvent {}

  public Claim {
    requireNonNull(claimant, "claimant");
    requireNonNull(stance, "stance");
    requireNonNull(claimed, "claimed");
  }
}
