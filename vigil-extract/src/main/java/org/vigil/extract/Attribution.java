/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Who asserts a relation or event, and how.
 *
 * @param claimant the quoted party ("according to Reuters", "the ministry said"); empty when the
 *     document's source says it in its own voice
 * @param stance how the claimant holds it
 * @param cue the words that gave the stance or the claimant ("said", "denied", "reportedly"); empty
 *     for the source's plain assertion
 */
public record Attribution(Optional<Mention> claimant, Stance stance, String cue) {
  /** The document's source, asserting. */
  public static final Attribution SOURCE = new Attribution(Optional.empty(), Stance.ASSERTS, "");

  public Attribution {
    requireNonNull(claimant, "claimant");
    requireNonNull(stance, "stance");
    requireNonNull(cue, "cue");
  }
}
