/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.vigil.claims.OriginLink;

/** A link of derivation an analyst declared, with why, who, when, and its undoing. */
public record DeclaredLink(
    long id,
    OriginLink link,
    String reason,
    String ownerOrg,
    String madeBy,
    Instant madeAt,
    Optional<String> undoneBy,
    Optional<Instant> undoneAt) {
  public DeclaredLink {
    requireNonNull(link, "link");
    requireNonNull(reason, "reason");
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
