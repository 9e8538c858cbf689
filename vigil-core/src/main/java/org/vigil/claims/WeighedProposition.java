/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One proposition weighed: its claims grouped by independent origin (claims of unknown origin
 * apart), the corroboration they give, its status, and the propositions it cannot hold together
 * with.
 *
 * @param byOrigin the claims of each independent origin, by origin name, in order of first claim
 * @param unknownOrigin the claims whose origin is unknown
 * @param conflicts the asserted propositions whose value cannot hold together with this one's
 */
public record WeighedProposition(
    Proposition proposition,
    Map<String, List<Claim>> byOrigin,
    List<Claim> unknownOrigin,
    Corroboration corroboration,
    FactStatus status,
    List<Proposition> conflicts) {

  public WeighedProposition {
    requireNonNull(proposition, "proposition");
    byOrigin = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byOrigin));
    unknownOrigin = List.copyOf(unknownOrigin);
    requireNonNull(corroboration, "corroboration");
    requireNonNull(status, "status");
    conflicts = List.copyOf(conflicts);
  }

  /** Every claim, those of known origins first. */
  public List<Claim> claims() {
    List<Claim> out = new java.util.ArrayList<>();
    byOrigin.values().forEach(out::addAll);
    out.addAll(unknownOrigin);
    return List.copyOf(out);
  }
}
