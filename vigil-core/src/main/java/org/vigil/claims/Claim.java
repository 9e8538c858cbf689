/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One party's word on a proposition, as read in one source.
 *
 * @param id the id of what was read (a statement's or an entity's), unique among the claims weighed
 * @param proposition what is said
 * @param stance how it is said
 * @param sourceId the source it was read in
 * @param origin who first said it: the quoted claimant, else the source; unknown for "reportedly"
 * @param standings where it puts parties at some time (a post held, custody), for the values that
 *     cannot both hold; often none
 */
public record Claim(
    String id,
    Proposition proposition,
    Stance stance,
    String sourceId,
    Origin origin,
    List<Standing> standings) {

  /** A claim that puts no party in a standing. */
  public Claim(String id, Proposition proposition, Stance stance, String sourceId, Origin origin) {
    this(id, proposition, stance, sourceId, origin, List.of());
  }

  public Claim {
    requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a claim needs an id");
    }
    requireNonNull(proposition, "proposition");
    requireNonNull(stance, "stance");
    requireNonNull(sourceId, "sourceId");
    if (sourceId.isBlank()) {
      throw new IllegalArgumentException("claim " + id + " needs a source");
    }
    requireNonNull(origin, "origin");
    standings = List.copyOf(standings);
  }
}
