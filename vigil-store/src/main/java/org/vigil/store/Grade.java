/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * An analyst's grade: a source's reliability (A to F) or a claim's information credibility (1 to
 * 6), with why, who, when, and whether and by whom it was undone.
 *
 * @param ownerOrg the organisation it belongs to: only its users see it, only they undo it
 */
public record Grade(
    long id,
    Target target,
    String targetId,
    String grade,
    String reason,
    String ownerOrg,
    String gradedBy,
    Instant gradedAt,
    Optional<String> undoneBy,
    Optional<Instant> undoneAt) {

  /** What a grade is about. */
  public enum Target {
    SOURCE,
    CLAIM;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Target of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  public Grade {
    requireNonNull(target, "target");
    requireNonNull(targetId, "targetId");
    requireNonNull(grade, "grade");
    requireNonNull(reason, "reason");
    requireNonNull(ownerOrg, "ownerOrg");
    requireNonNull(gradedBy, "gradedBy");
    requireNonNull(gradedAt, "gradedAt");
    requireNonNull(undoneBy, "undoneBy");
    requireNonNull(undoneAt, "undoneAt");
  }

  public boolean inForce() {
    return undoneAt.isEmpty();
  }
}
