/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.access.Organization;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.access.Viewer;

/**
 * Organisations, users, sign-in sessions and API tokens. Tokens and session ids are stored only as
 * hashes; the caller hashes what it received before asking.
 */
public interface AccountRepository {

  /**
   * @throws org.vigil.model.InvalidValueException if the id is taken or malformed
   */
  Organization createOrganization(String id, String name);

  /** Makes two organisations partners of each other (each sees the other's AMBER). */
  void addPartners(String orgId, String partnerOrgId);

  Optional<Organization> organization(String id);

  List<Organization> organizations();

  /**
   * @throws org.vigil.model.InvalidValueException if the username is taken or the organisation
   *     unknown
   */
  User createUser(String username, String orgId, Role role, String passwordHash);

  Optional<User> userByName(String username);

  Optional<User> userById(String id);

  List<User> users();

  long userCount();

  void setPasswordHash(String userId, String passwordHash);

  /** The viewer a user acts as, with their organisation's partners. */
  Viewer viewer(User user);

  void createSession(String sessionHash, String userId, String csrfToken, Instant expiresAt);

  /** A session that has not expired. */
  Optional<Session> session(String sessionHash, Instant now);

  void deleteSession(String sessionHash);

  void createApiToken(String tokenHash, String userId, String label, Instant expiresAt);

  /** The user of an API token that has not expired. */
  Optional<User> userByApiToken(String tokenHash, Instant now);

  /** A signed-in session. */
  record Session(String userId, String csrfToken, Instant expiresAt) {}
}
