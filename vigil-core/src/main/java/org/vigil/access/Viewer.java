/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.access;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The user a read or write acts for: who they are, their organisation, and the organisations that
 * are partners of it (partnership is mutual).
 */
public record Viewer(
    String userId, String username, String orgId, SortedSet<String> partnerOrgs, Role role) {

  public Viewer {
    requireNonNull(userId, "userId");
    requireNonNull(username, "username");
    requireNonNull(orgId, "orgId");
    partnerOrgs = Collections.unmodifiableSortedSet(new TreeSet<>(partnerOrgs));
    requireNonNull(role, "role");
  }

  public static Viewer of(
      String userId, String username, String orgId, Set<String> partners, Role role) {
    return new Viewer(userId, username, orgId, new TreeSet<>(partners), role);
  }

  /**
   * The process itself, for maintenance work such as rebuilding the search index. It sees every
   * statement; it must never be handed to code that answers a user.
   */
  public static Viewer system() {
    return new Viewer("system", "system", "system", new TreeSet<>(), Role.ADMIN);
  }

  public boolean isSystem() {
    return userId.equals("system") && orgId.equals("system");
  }

  public boolean may(Permission permission) {
    return role.grants(permission);
  }
}
