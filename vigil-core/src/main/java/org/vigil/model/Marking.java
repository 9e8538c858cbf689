/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who may see a statement: a TLP 2.0 level, the organisation that owns the information, the users
 * named for a RED statement, and optionally the only organisations it may reach at all.
 *
 * <p>The rules themselves live in {@link org.vigil.access.MarkingPolicy}.
 *
 * @param tlp the traffic-light level
 * @param ownerOrg the id of the organisation that owns (and originated) the information
 * @param namedUsers for RED, the ids of the users it was shared with; empty otherwise
 * @param restrictedToOrgs if not empty, no organisation outside this set may see it, whatever the
 *     TLP level says
 */
public record Marking(
    Tlp tlp, String ownerOrg, SortedSet<String> namedUsers, SortedSet<String> restrictedToOrgs) {

  public Marking {
    requireNonNull(tlp, "tlp");
    requireNonNull(ownerOrg, "ownerOrg");
    if (ownerOrg.isBlank()) {
      throw new InvalidValueException("a marking needs the organisation that owns it");
    }
    namedUsers = frozen(namedUsers, "namedUsers");
    restrictedToOrgs = frozen(restrictedToOrgs, "restrictedToOrgs");
    if (tlp != Tlp.RED && !namedUsers.isEmpty()) {
      throw new InvalidValueException(
          "only a TLP:RED marking names users; this one is " + tlp.label());
    }
  }

  public static Marking of(Tlp tlp, String ownerOrg) {
    return new Marking(tlp, ownerOrg, new TreeSet<>(), new TreeSet<>());
  }

  public static Marking red(String ownerOrg, Set<String> namedUsers) {
    return new Marking(Tlp.RED, ownerOrg, new TreeSet<>(namedUsers), new TreeSet<>());
  }

  /** The same marking, further limited to the given organisations. */
  public Marking restrictedTo(Set<String> orgs) {
    return new Marking(tlp, ownerOrg, namedUsers, new TreeSet<>(orgs));
  }

  /** A short form for logs and tables, such as "TLP:AMBER (org-a)". */
  public String describe() {
    StringBuilder out = new StringBuilder(tlp.label()).append(" (").append(ownerOrg);
    if (!namedUsers.isEmpty()) {
      out.append("; users ").append(String.join(",", namedUsers));
    }
    if (!restrictedToOrgs.isEmpty()) {
      out.append("; only ").append(String.join(",", restrictedToOrgs));
    }
    return out.append(')').toString();
  }

  private static SortedSet<String> frozen(Set<String> values, String what) {
    requireNonNull(values, what);
    TreeSet<String> copy = new TreeSet<>();
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new InvalidValueException(what + " holds an empty id");
      }
      copy.add(v);
    }
    return Collections.unmodifiableSortedSet(copy);
  }
}
