/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import org.vigil.access.Permission;
import org.vigil.access.User;
import org.vigil.access.Viewer;

/**
 * Who a request acts for and how they proved it: a browser session (with its CSRF token) or an API
 * token (which needs none, because browsers never attach it on their own).
 *
 * @param sessionHash the stored digest of the session id, when signed in by session
 * @param csrfToken the session's CSRF token, when signed in by session
 * @param tokenScopes for an API token limited to some permissions, those; empty for every
 *     permission of the user's role
 */
public record Principal(
    User user,
    Viewer viewer,
    Optional<String> sessionHash,
    Optional<String> csrfToken,
    Set<Permission> tokenScopes) {
  public Principal {
    requireNonNull(user, "user");
    requireNonNull(viewer, "viewer");
    requireNonNull(sessionHash, "sessionHash");
    requireNonNull(csrfToken, "csrfToken");
    tokenScopes = Set.copyOf(tokenScopes);
    if (sessionHash.isPresent() != csrfToken.isPresent()) {
      throw new IllegalArgumentException("a session has both a hash and a CSRF token");
    }
    if (sessionHash.isPresent() && !tokenScopes.isEmpty()) {
      throw new IllegalArgumentException("a session is not scoped: " + tokenScopes);
    }
  }

  /** A principal with every permission of the user's role. */
  public Principal(
      User user, Viewer viewer, Optional<String> sessionHash, Optional<String> csrfToken) {
    this(user, viewer, sessionHash, csrfToken, Set.of());
  }

  /** Whether this caller may do what needs {@code permission}: by role and, for a token, scope. */
  public boolean may(Permission permission) {
    return viewer.may(permission)
        && (tokenScopes.isEmpty()
            || permission == Permission.ANONYMOUS
            || tokenScopes.contains(permission));
  }

  public boolean bySession() {
    return sessionHash.isPresent();
  }
}
