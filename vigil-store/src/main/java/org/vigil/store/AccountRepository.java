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
 *
 * <p>Times ({@code now}, {@code expiresAt}) are the store's clock's ({@link Store#clock()}, the
 * database's), which every process on the database shares: a session's end written by one node is
 * compared by the others. What the repository dates itself (a session's start, a token's issue, the
 * deletion of expired sessions) it dates by the database's clock.
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

  /** Replaces a user's password hash (a stronger hash of the same password); sessions stay. */
  void setPasswordHash(String userId, String passwordHash);

  /**
   * Sets a new password: in one transaction, replaces the hash, ends every session of the user but
   * {@code keepSession} (the one that asked for the change, if any) and revokes every API token of
   * the user.
   *
   * @throws java.util.NoSuchElementException if there is no such user
   */
  void changePassword(String userId, String passwordHash, Optional<String> keepSession);

  /**
   * Enables or disables a user. Disabling ends the user's sessions; a disabled user's API tokens
   * sign nobody in until the user is enabled again.
   *
   * @throws java.util.NoSuchElementException if there is no such user
   */
  void setEnabled(String userId, boolean enabled);

  /** Whether the organisation requires a second factor (TOTP) of its users. */
  boolean requiresTotp(String orgId);

  /**
   * @throws org.vigil.model.InvalidValueException if the organisation is unknown
   */
  void setRequireTotp(String orgId, boolean required);

  /** The user's TOTP secrets: the confirmed one and one being enrolled. */
  TotpState totp(String userId);

  /** Starts (or, with empty, abandons) an enrolment with a new secret; the old one stays. */
  void setPendingTotp(String userId, Optional<String> secret);

  /** Makes the pending secret the user's second factor. */
  void confirmTotp(String userId);

  /** Removes the user's second factor and any pending enrolment. */
  void removeTotp(String userId);

  /**
   * Records that a code of time step {@code step} was used; false if this or a later step was used
   * already, so that one code signs in once.
   */
  boolean useTotpStep(String userId, long step);

  /** The viewer a user acts as, with their organisation's partners. */
  Viewer viewer(User user);

  void createSession(String sessionHash, String userId, String csrfToken, Instant expiresAt);

  /** Like {@link #createSession(String, String, String, Instant)}, noting where it began. */
  void createSession(
      String sessionHash, String userId, String csrfToken, Instant expiresAt, String remoteAddress);

  /** A session that has not expired. */
  Optional<Session> session(String sessionHash, Instant now);

  /** Notes that a session was used at {@code now} (for the idle timeout). */
  void touchSession(String sessionHash, Instant now);

  void deleteSession(String sessionHash);

  /** The user's sessions that have not expired, newest first. */
  List<SessionInfo> sessions(String userId, Instant now);

  /** Ends the user's session with this public id; false if the user has none such. */
  boolean deleteSession(String userId, String publicId);

  void createApiToken(String tokenHash, String userId, String label, Instant expiresAt);

  /**
   * Like {@link #createApiToken(String, String, String, Instant)}, limited to {@code scopes}
   * (permission names in lower case); empty means every permission of the user's role.
   */
  void createApiToken(
      String tokenHash, String userId, String label, Instant expiresAt, List<String> scopes);

  /** The user of an API token that has not expired. */
  Optional<User> userByApiToken(String tokenHash, Instant now);

  /** The user and the scopes of an API token that has not expired. */
  Optional<TokenGrant> apiToken(String tokenHash, Instant now);

  /** The user's API tokens that have not expired, newest first. */
  List<TokenInfo> apiTokens(String userId, Instant now);

  /** Revokes the user's API token with this public id; false if the user has none such. */
  boolean deleteApiToken(String userId, String publicId);

  /** A signed-in session. */
  record Session(String userId, String csrfToken, Instant expiresAt, Instant lastSeenAt) {}

  /**
   * A session as its owner sees it in a list: never the session id, only a public id (the first 16
   * hex digits of its stored hash) by which it can be ended.
   */
  record SessionInfo(
      String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String remoteAddress) {}

  /** An API token as listed: its public id (the first 16 hex digits of its stored hash). */
  record TokenInfo(
      String id, String label, Instant createdAt, Instant expiresAt, List<String> scopes) {}

  /** The user an API token signs in and the permissions it may use (empty: all of the role's). */
  record TokenGrant(User user, List<String> scopes) {}

  /**
   * @param secret the confirmed TOTP secret (base32), if the user has a second factor
   * @param pending a secret being enrolled, until a code from it is shown
   */
  record TotpState(Optional<String> secret, Optional<String> pending) {}
}
