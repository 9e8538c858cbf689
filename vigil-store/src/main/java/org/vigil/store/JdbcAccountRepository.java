/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.vigil.access.Organization;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;

/** Organisations, users, sessions and API tokens in their tables. */
final class JdbcAccountRepository implements AccountRepository {
  static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final int MAX_NAME = 256;
  private static final int MAX_SECRET = 256;
  private static final int MAX_PASSWORD_HASH = 1_024;
  private static final int MAX_LABEL = 128;

  private static final String USER_COLUMNS =
      "u.id, u.username, u.org_id, u.user_role, u.password_hash, u.enabled, u.created_at";

  private final Database db;

  JdbcAccountRepository(Database db) {
    this.db = db;
  }

  @Override
  public Organization createOrganization(String id, String name) {
    requireOrgId(id);
    String cleanName = requireText(name, "an organisation name", MAX_NAME);
    return db.inTransaction(
        c -> {
          if (organizationExists(c, id)) {
            throw new InvalidValueException("organisation id '" + id + "' is taken");
          }
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO organizations (id, name) VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, cleanName);
            ps.executeUpdate();
          } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
              throw new InvalidValueException("organisation id '" + id + "' is taken");
            }
            throw e;
          }
          return new Organization(id, cleanName, new TreeSet<>());
        });
  }

  @Override
  public void addPartners(String orgId, String partnerOrgId) {
    requireOrgId(orgId);
    requireOrgId(partnerOrgId);
    if (orgId.equals(partnerOrgId)) {
      throw new InvalidValueException("organisation " + orgId + " cannot partner itself");
    }
    String a = orgId.compareTo(partnerOrgId) < 0 ? orgId : partnerOrgId;
    String b = a.equals(orgId) ? partnerOrgId : orgId;
    db.inTransaction(
        c -> {
          for (String id : List.of(a, b)) {
            if (!organizationExists(c, id)) {
              throw new InvalidValueException("unknown organisation '" + id + "'");
            }
          }
          try (PreparedStatement check =
              c.prepareStatement("SELECT 1 FROM partnerships WHERE org_a = ? AND org_b = ?")) {
            check.setString(1, a);
            check.setString(2, b);
            try (ResultSet rs = check.executeQuery()) {
              if (rs.next()) {
                return null; // already partners: nothing to do
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO partnerships (org_a, org_b) VALUES (?, ?)")) {
            ps.setString(1, a);
            ps.setString(2, b);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<Organization> organization(String id) {
    if (id == null || !ORG_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT name FROM organizations WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Organization>empty();
              }
              return Optional.of(new Organization(id, rs.getString(1), partners(c, id)));
            }
          }
        });
  }

  @Override
  public List<Organization> organizations() {
    return db.read(
        c -> {
          Map<String, TreeSet<String>> partners = new HashMap<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT org_a, org_b FROM partnerships");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              partners.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
              partners.computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getString(1));
            }
          }
          List<Organization> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT id, name FROM organizations ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String id = rs.getString(1);
              out.add(
                  new Organization(
                      id, rs.getString(2), partners.getOrDefault(id, new TreeSet<>())));
            }
          }
          return out;
        });
  }

  @Override
  public User createUser(String username, String orgId, Role role, String passwordHash) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidValueException(
          "'"
              + username
              + "' is not a valid username; use 1 to 64 letters, digits and . _ @ - only");
    }
    requireOrgId(orgId);
    requireNonNull(role, "role");
    requireText(passwordHash, "a password hash", MAX_PASSWORD_HASH);
    User user =
        new User(
            UUID.randomUUID().toString(),
            username,
            orgId,
            role,
            passwordHash,
            true,
            Database.stored(Instant.now()));
    return db.inTransaction(
        c -> {
          if (!organizationExists(c, orgId)) {
            throw new InvalidValueException("unknown organisation '" + orgId + "'");
          }
          if (userByName(c, username).isPresent()) {
            throw new InvalidValueException("username '" + username + "' is taken");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO users (id, username, username_key, org_id, user_role,"
                      + " password_hash, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.fromString(user.id()));
            ps.setString(2, username);
            ps.setString(3, usernameKey(username));
            ps.setString(4, orgId);
            ps.setString(5, role.name());
            ps.setString(6, passwordHash);
            ps.setBoolean(7, true);
            Database.setInstant(ps, 8, user.createdAt());
            ps.executeUpdate();
          } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
              throw new InvalidValueException("username '" + username + "' is taken");
            }
            throw e;
          }
          return user;
        });
  }

  /** Looks a username up regardless of case: "Alice" and "alice" are one account. */
  @Override
  public Optional<User> userByName(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      return Optional.empty();
    }
    return db.read(c -> userByName(c, username));
  }

  @Override
  public Optional<User> userById(String id) {
    Optional<UUID> uuid = uuid(id);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?")) {
            ps.setObject(1, uuid.get());
            return oneUser(ps);
          }
        });
  }

  @Override
  public List<User> users() {
    return db.read(
        c -> {
          List<User> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT " + USER_COLUMNS + " FROM users u ORDER BY u.username_key");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(user(rs));
            }
          }
          return out;
        });
  }

  @Override
  public long userCount() {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * @throws NoSuchElementException if there is no such user
   */
  @Override
  public void setPasswordHash(String userId, String passwordHash) {
    requireText(passwordHash, "a password hash", MAX_PASSWORD_HASH);
    UUID id = uuid(userId).orElseThrow(() -> new NoSuchElementException("no user " + userId));
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            ps.setString(1, passwordHash);
            ps.setObject(2, id);
            if (ps.executeUpdate() == 0) {
              throw new NoSuchElementException("no user " + userId);
            }
          }
          return null;
        });
  }

  @Override
  public Viewer viewer(User user) {
    requireNonNull(user, "user");
    return db.read(
        c ->
            Viewer.of(
                user.id(), user.username(), user.orgId(), partners(c, user.orgId()), user.role()));
  }

  /**
   * Also deletes sessions that have expired by {@code expiresAt}'s clock, so the table does not
   * grow without bound.
   *
   * @throws InvalidValueException if the user is unknown or a value is empty or too long
   */
  @Override
  public void createSession(
      String sessionHash, String userId, String csrfToken, Instant expiresAt) {
    requireText(sessionHash, "a session hash", MAX_SECRET);
    requireText(csrfToken, "a CSRF token", MAX_SECRET);
    requireNonNull(expiresAt, "expiresAt");
    UUID user = requireUser(userId);
    db.inTransaction(
        c -> {
          requireUserExists(c, user, userId);
          try (PreparedStatement purge =
              c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
            Database.setInstant(purge, 1, Instant.now());
            purge.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, sessionHash);
            ps.setObject(2, user);
            ps.setString(3, csrfToken);
            Database.setInstant(ps, 4, expiresAt);
            ps.executeUpdate();
          } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
              throw new InvalidValueException("this session hash is already in use");
            }
            throw e;
          }
          return null;
        });
  }

  @Override
  public Optional<Session> session(String sessionHash, Instant now) {
    requireNonNull(now, "now");
    if (sessionHash == null || sessionHash.isEmpty() || sessionHash.length() > MAX_SECRET) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT user_id, csrf_token, expires_at FROM sessions"
                      + " WHERE session_hash = ? AND expires_at > ?")) {
            ps.setString(1, sessionHash);
            Database.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Session>empty();
              }
              return Optional.of(
                  new Session(
                      rs.getObject(1, UUID.class).toString(),
                      rs.getString(2),
                      Database.getInstant(rs, 3)));
            }
          }
        });
  }

  @Override
  public void deleteSession(String sessionHash) {
    if (sessionHash == null) {
      return;
    }
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM sessions WHERE session_hash = ?")) {
            ps.setString(1, sessionHash);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * @throws InvalidValueException if the user is unknown, the hash is in use, or a value is empty
   *     or too long
   */
  @Override
  public void createApiToken(String tokenHash, String userId, String label, Instant expiresAt) {
    requireText(tokenHash, "a token hash", MAX_SECRET);
    String cleanLabel = requireText(label, "a token label", MAX_LABEL);
    requireNonNull(expiresAt, "expiresAt");
    UUID user = requireUser(userId);
    db.inTransaction(
        c -> {
          requireUserExists(c, user, userId);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_tokens (token_hash, user_id, label, created_at, expires_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setObject(2, user);
            ps.setString(3, cleanLabel);
            Database.setInstant(ps, 4, Instant.now());
            Database.setInstant(ps, 5, expiresAt);
            ps.executeUpdate();
          } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
              throw new InvalidValueException("this token hash is already in use");
            }
            throw e;
          }
          return null;
        });
  }

  /** The user of an unexpired token; a disabled user's tokens do not sign anyone in. */
  @Override
  public Optional<User> userByApiToken(String tokenHash, Instant now) {
    requireNonNull(now, "now");
    if (tokenHash == null || tokenHash.isEmpty() || tokenHash.length() > MAX_SECRET) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + USER_COLUMNS
                      + " FROM api_tokens t JOIN users u ON u.id = t.user_id"
                      + " WHERE t.token_hash = ? AND t.expires_at > ? AND u.enabled = TRUE")) {
            ps.setString(1, tokenHash);
            Database.setInstant(ps, 2, now);
            return oneUser(ps);
          }
        });
  }

  private static Optional<User> userByName(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users u WHERE u.username_key = ?")) {
      ps.setString(1, usernameKey(username));
      return oneUser(ps);
    }
  }

  private static Optional<User> oneUser(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(user(rs)) : Optional.empty();
    }
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getObject(1, UUID.class).toString(),
        rs.getString(2),
        rs.getString(3),
        Role.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getBoolean(6),
        Database.getInstant(rs, 7));
  }

  private static TreeSet<String> partners(Connection c, String orgId) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT org_a, org_b FROM partnerships WHERE org_a = ? OR org_b = ?")) {
      ps.setString(1, orgId);
      ps.setString(2, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1).equals(orgId) ? rs.getString(2) : rs.getString(1));
        }
      }
    }
    return out;
  }

  private static boolean organizationExists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM organizations WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void requireUserExists(Connection c, UUID id, String shown) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidValueException("unknown user '" + shown + "'");
        }
      }
    }
  }

  private static UUID requireUser(String userId) {
    return uuid(userId)
        .orElseThrow(() -> new InvalidValueException("'" + userId + "' is not a user id"));
  }

  private static Optional<UUID> uuid(String id) {
    if (id == null || id.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void requireOrgId(String id) {
    if (id == null || !ORG_ID.matcher(id).matches()) {
      throw new InvalidValueException(
          "'"
              + id
              + "' is not a valid organisation id; use 1 to 64 lower-case letters, digits and"
              + " hyphens, starting with a letter or digit");
    }
  }

  private static String requireText(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(what + " is missing");
    }
    if (value.length() > max) {
      throw new InvalidValueException(
          what + " is " + value.length() + " chars long; the limit is " + max);
    }
    return value.strip();
  }

  private static String usernameKey(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
