/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

/**
 * An uncertain pair for an analyst, with how much deciding it matters.
 *
 * @param pair the scored pair
 * @param impact the larger, the sooner it should be decided: the links and statements of both
 *     records, more when either is designated or linked to a designated entity
 */
public record ReviewItem(PairScore pair, double impact) {
  public ReviewItem {
    requireNonNull(pair, "pair");
  }
}
