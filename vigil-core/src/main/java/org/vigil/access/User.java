/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A person who signs in. The password hash is an Argon2id PHC string; it never leaves the server.
 */
public record User(
    String id,
    String username,
    String orgId,
    Role role,
    String passwordHash,
    boolean enabled,
    Instant createdAt) {
  public User {
    requireNonNull(id, "id");
    requireNonNull(username, "username");
    requireNonNull(orgId, "orgId");
    requireNonNull(role, "role");
    requireNonNull(passwordHash, "passwordHash");
    requireNonNull(createdAt, "createdAt");
  }

  @Override
  public String toString() {
    return "User[" + username + " (" + id + "), org " + orgId + ", " + role.code() + "]";
  }
}
