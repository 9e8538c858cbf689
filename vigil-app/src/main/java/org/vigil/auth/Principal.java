/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.access.User;
import org.vigil.access.Viewer;

/**
 * Who a request acts for and how they proved it: a browser session (with its CSRF token) or an API
 * token (which needs none, because browsers never attach it on their own).
 *
 * @param sessionHash the stored digest of the session id, when signed in by session
 * @param csrfToken the session's CSRF token, when signed in by session
 */
public record Principal(
    User user, Viewer viewer, Optional<String> sessionHash, Optional<String> csrfToken) {
  public Principal {
    requireNonNull(user, "user");
    requireNonNull(viewer, "viewer");
    requireNonNull(sessionHash, "sessionHash");
    requireNonNull(csrfToken, "csrfToken");
    if (sessionHash.isPresent() != csrfToken.isPresent()) {
      throw new IllegalArgumentException("a session has both a hash and a CSRF token");
    }
  }

  public boolean bySession() {
    return sessionHash.isPresent();
  }
}
