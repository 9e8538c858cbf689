/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.vigil.claims.Likelihood;

/**
 * An analyst's assessment of a claim or an entity ("MOIS likely staged the arrests"), with its
 * likelihood, stored with the likelihood's range.
 */
public record Assessment(
    long id,
    String subjectId,
    String statement,
    Likelihood likelihood,
    String ownerOrg,
    String madeBy,
    Instant madeAt,
    Optional<String> undoneBy,
    Optional<Instant> undoneAt) {
  public Assessment {
    requireNonNull(subjectId, "subjectId");
    requireNonNull(statement, "statement");
    requireNonNull(likelihood, "likelihood");
    requireNonNull(ownerOrg, "ownerOrg");
    requireNonNull(madeBy, "madeBy");
    requireNonNull(madeAt, "madeAt");
    requireNonNull(undoneBy, "undoneBy");
    requireNonNull(undoneAt, "undoneAt");
  }

  public boolean inForce() {
    return undoneAt.isEmpty();
  }
}
