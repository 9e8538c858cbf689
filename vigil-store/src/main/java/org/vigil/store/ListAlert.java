/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.vigil.resolve.PossibleMatch;

/**
 * An alert that a list update failed half way: the release loaded before stays in force, and
 * someone should look at the source. Lists are public, so every signed-in user sees these.
 *
 * @param id the store's id
 * @param listSource the list source's name, such as "ofac-sdn"
 * @param detail what went wrong, one line
 * @param raisedAt when the update failed
 * @param review who marked it reviewed, and when; empty while it is new
 */
public record ListAlert(
    long id,
    String listSource,
    String detail,
    Instant raisedAt,
    Optional<PossibleMatch.Review> review) {
  public ListAlert {
    requireNonNull(listSource, "listSource");
    requireNonNull(detail, "detail");
    requireNonNull(raisedAt, "raisedAt");
    requireNonNull(review, "review");
  }
}
