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
 * @param disputes the asserted propositions that cannot hold together with this one, each with why
 */
public record WeighedProposition(
    Proposition proposition,
    Map<String, List<Claim>> byOrigin,
    List<Claim> unknownOrigin,
    Corroboration corroboration,
    FactStatus status,
    List<Conflict> disputes) {

  public WeighedProposition {
    requireNonNull(proposition, "proposition");
    byOrigin = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byOrigin));
    unknownOrigin = List.copyOf(unknownOrigin);
    requireNonNull(corroboration, "corroboration");
    requireNonNull(status, "status");
    disputes = List.copyOf(disputes);
  }

  /** The propositions that cannot hold together with this one. */
  public List<Proposition> conflicts() {
    return disputes.stream().map(Conflict::with).toList();
  }

  /** Every claim, those of known origins first. */
  public List<Claim> claims() {
    List<Claim> out = new java.util.ArrayList<>();
    byOrigin.values().forEach(out::addAll);
    out.addAll(unknownOrigin);
    return List.copyOf(out);
  }
}
