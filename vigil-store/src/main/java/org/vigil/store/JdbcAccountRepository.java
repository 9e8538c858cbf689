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
  private static final Pattern PUBLIC_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern SCOPE = Pattern.compile("[a-z]{1,16}");

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
        new User(UUID.randomUUID().toString(), username, orgId, role, passwordHash, true, db.now());
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

  @Override
  public void createSession(
      String sessionHash, String userId, String csrfToken, Instant expiresAt) {
    createSession(sessionHash, userId, csrfToken, expiresAt, "");
  }

  /**
   * Also deletes sessions that have expired by the database's clock ({@code CURRENT_TIMESTAMP}), so
   * the table does not grow without bound; the session's start is the database's time ({@link
   * Store#clock()}), as {@code expiresAt} should be.
   *
   * @throws InvalidValueException if the user is unknown or a value is empty or too long
   */
  @Override
  public void createSession(
      String sessionHash,
      String userId,
      String csrfToken,
      Instant expiresAt,
      String remoteAddress) {
    requireText(sessionHash, "a session hash", MAX_SECRET);
    requireText(csrfToken, "a CSRF token", MAX_SECRET);
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(remoteAddress, "remoteAddress");
    String address = remoteAddress.length() > 128 ? remoteAddress.substring(0, 128) : remoteAddress;
    UUID user = requireUser(userId);
    db.inTransaction(
        c -> {
          requireUserExists(c, user, userId);
          // expired by the database's clock, which every node shares: a node whose own clock
          // runs ahead must not end the sessions that are still open by it
          try (PreparedStatement purge =
              c.prepareStatement("DELETE FROM sessions WHERE expires_at <= CURRENT_TIMESTAMP")) {
            purge.executeUpdate();
          }
          Instant now = db.now();
          insertUnique(
              c,
              "INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at, created_at,"
                  + " last_seen_at, remote_address) VALUES (?, ?, ?, ?, ?, ?, ?)",
              "this session hash is already in use",
              ps -> {
                ps.setString(1, sessionHash);
                ps.setObject(2, user);
                ps.setString(3, csrfToken);
                Database.setInstant(ps, 4, expiresAt);
                Database.setInstant(ps, 5, now);
                Database.setInstant(ps, 6, now);
                ps.setString(7, address);
              });
          return null;
        });
  }

  @Override
  public Optional<Session> session(String sessionHash, Instant now) {
    requireNonNull(now, "now");
    return unexpired(
        "SELECT user_id, csrf_token, expires_at, last_seen_at FROM sessions"
            + " WHERE session_hash = ? AND expires_at > ?",
        sessionHash,
        now,
        rs ->
            new Session(
                rs.getObject(1, UUID.class).toString(),
                rs.getString(2),
                Database.getInstant(rs, 3),
                Optional.ofNullable(Database.getInstant(rs, 4))
                    .orElse(Database.getInstant(rs, 3))));
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

  @Override
  public void createApiToken(String tokenHash, String userId, String label, Instant expiresAt) {
    createApiToken(tokenHash, userId, label, expiresAt, List.of());
  }

  /**
   * @throws InvalidValueException if the user is unknown, the hash is in use, a scope is not a
   *     permission name, or a value is empty or too long
   */
  @Override
  public void createApiToken(
      String tokenHash, String userId, String label, Instant expiresAt, List<String> scopes) {
    requireText(tokenHash, "a token hash", MAX_SECRET);
    String cleanLabel = requireText(label, "a token label", MAX_LABEL);
    requireNonNull(expiresAt, "expiresAt");
    String scopeText = scopeText(scopes);
    UUID user = requireUser(userId);
    db.inTransaction(
        c -> {
          requireUserExists(c, user, userId);
          insertUnique(
              c,
              "INSERT INTO api_tokens (token_hash, user_id, label, created_at, expires_at, scopes)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              "this token hash is already in use",
              ps -> {
                ps.setString(1, tokenHash);
                ps.setObject(2, user);
                ps.setString(3, cleanLabel);
                Database.setInstant(ps, 4, db.now());
                Database.setInstant(ps, 5, expiresAt);
                ps.setString(6, scopeText);
              });
          return null;
        });
  }

  /** The user of an unexpired token; a disabled user's tokens do not sign anyone in. */
  @Override
  public Optional<User> userByApiToken(String tokenHash, Instant now) {
    requireNonNull(now, "now");
    return unexpired(
        "SELECT "
            + USER_COLUMNS
            + " FROM api_tokens t JOIN users u ON u.id = t.user_id"
            + " WHERE t.token_hash = ? AND t.expires_at > ? AND u.enabled = TRUE",
        tokenHash,
        now,
        JdbcAccountRepository::user);
  }

  @Override
  public Optional<TokenGrant> apiToken(String tokenHash, Instant now) {
    requireNonNull(now, "now");
    return unexpired(
        "SELECT "
            + USER_COLUMNS
            + ", t.scopes FROM api_tokens t JOIN users u ON u.id = t.user_id"
            + " WHERE t.token_hash = ? AND t.expires_at > ? AND u.enabled = TRUE",
        tokenHash,
        now,
        rs -> new TokenGrant(user(rs), scopes(rs.getString(8))));
  }

  @Override
  public List<TokenInfo> apiTokens(String userId, Instant now) {
    return unexpiredOf(
        "SELECT token_hash, label, created_at, expires_at, scopes FROM api_tokens"
            + " WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC",
        userId,
        now,
        rs ->
            new TokenInfo(
                publicId(rs.getString(1)),
                rs.getString(2),
                Database.getInstant(rs, 3),
                Database.getInstant(rs, 4),
                scopes(rs.getString(5))));
  }

  @Override
  public boolean deleteApiToken(String userId, String publicId) {
    return deleteByPublicId("api_tokens", "token_hash", userId, publicId);
  }

  @Override
  public List<SessionInfo> sessions(String userId, Instant now) {
    return unexpiredOf(
        "SELECT session_hash, created_at, last_seen_at, expires_at, remote_address"
            + " FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at DESC",
        userId,
        now,
        rs -> {
          Instant expires = Database.getInstant(rs, 4);
          Instant created = Optional.ofNullable(Database.getInstant(rs, 2)).orElse(expires);
          return new SessionInfo(
              publicId(rs.getString(1)),
              created,
              Optional.ofNullable(Database.getInstant(rs, 3)).orElse(created),
              expires,
              rs.getString(5));
        });
  }

  @Override
  public boolean deleteSession(String userId, String publicId) {
    return deleteByPublicId("sessions", "session_hash", userId, publicId);
  }

  @Override
  public void touchSession(String sessionHash, Instant now) {
    requireNonNull(now, "now");
    if (sessionHash == null) {
      return;
    }
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE sessions SET last_seen_at = ? WHERE session_hash = ?")) {
            Database.setInstant(ps, 1, now);
            ps.setString(2, sessionHash);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void changePassword(String userId, String passwordHash, Optional<String> keepSession) {
    requireText(passwordHash, "a password hash", MAX_PASSWORD_HASH);
    requireNonNull(keepSession, "keepSession");
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
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM sessions WHERE user_id = ? AND session_hash <> ?")) {
            ps.setObject(1, id);
            ps.setString(2, keepSession.orElse(""));
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM api_tokens WHERE user_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void setEnabled(String userId, boolean enabled) {
    UUID id = uuid(userId).orElseThrow(() -> new NoSuchElementException("no user " + userId));
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE users SET enabled = ? WHERE id = ?")) {
            ps.setBoolean(1, enabled);
            ps.setObject(2, id);
            if (ps.executeUpdate() == 0) {
              throw new NoSuchElementException("no user " + userId);
            }
          }
          if (!enabled) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) {
              ps.setObject(1, id);
              ps.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public boolean requiresTotp(String orgId) {
    if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
      return false;
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT require_totp FROM organizations WHERE id = ?")) {
            ps.setString(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && rs.getBoolean(1);
            }
          }
        });
  }

  @Override
  public void setRequireTotp(String orgId, boolean required) {
    requireOrgId(orgId);
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE organizations SET require_totp = ? WHERE id = ?")) {
            ps.setBoolean(1, required);
            ps.setString(2, orgId);
            if (ps.executeUpdate() == 0) {
              throw new InvalidValueException("unknown organisation '" + orgId + "'");
            }
          }
          return null;
        });
  }

  @Override
  public TotpState totp(String userId) {
    Optional<UUID> id = uuid(userId);
    if (id.isEmpty()) {
      return new TotpState(Optional.empty(), Optional.empty());
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT totp_secret, totp_pending FROM users WHERE id = ?")) {
            ps.setObject(1, id.get());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new TotpState(Optional.empty(), Optional.empty());
              }
              return new TotpState(
                  Optional.ofNullable(rs.getString(1)), Optional.ofNullable(rs.getString(2)));
            }
          }
        });
  }

  @Override
  public void setPendingTotp(String userId, Optional<String> secret) {
    requireNonNull(secret, "secret");
    secret.ifPresent(v -> requireText(v, "a TOTP secret", 64));
    updateUser(userId, "UPDATE users SET totp_pending = ? WHERE id = ?", secret.orElse(null));
  }

  @Override
  public void confirmTotp(String userId) {
    UUID id = uuid(userId).orElseThrow(() -> new NoSuchElementException("no user " + userId));
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL,"
                      + " totp_last_step = 0 WHERE id = ? AND totp_pending IS NOT NULL")) {
            ps.setObject(1, id);
            if (ps.executeUpdate() == 0) {
              throw new InvalidValueException("there is no second factor being enrolled");
            }
          }
          return null;
        });
  }

  @Override
  public void removeTotp(String userId) {
    UUID id = uuid(userId).orElseThrow(() -> new NoSuchElementException("no user " + userId));
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE users SET totp_secret = NULL, totp_pending = NULL WHERE id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public boolean useTotpStep(String userId, long step) {
    UUID id = uuid(userId).orElseThrow(() -> new NoSuchElementException("no user " + userId));
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")) {
            ps.setLong(1, step);
            ps.setObject(2, id);
            ps.setLong(3, step);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private void updateUser(String userId, String sql, String value) {
    UUID id = uuid(userId).orElseThrow(() -> new NoSuchElementException("no user " + userId));
    db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setObject(2, id);
            if (ps.executeUpdate() == 0) {
              throw new NoSuchElementException("no user " + userId);
            }
          }
          return null;
        });
  }

  private boolean deleteByPublicId(String table, String column, String userId, String publicId) {
    Optional<UUID> user = uuid(userId);
    if (user.isEmpty() || publicId == null || !PUBLIC_ID.matcher(publicId).matches()) {
      return false;
    }
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM " + table + " WHERE user_id = ? AND " + column + " LIKE ?")) {
            ps.setObject(1, user.get());
            ps.setString(2, publicId + "%");
            return ps.executeUpdate() > 0;
          }
        });
  }

  /** The public id of a stored session or token hash: its first 16 hex digits. */
  static String publicId(String storedHash) {
    return storedHash.substring(0, Math.min(16, storedHash.length()));
  }

  private static String scopeText(List<String> scopes) {
    requireNonNull(scopes, "scopes");
    if (scopes.isEmpty()) {
      return "all";
    }
    TreeSet<String> clean = new TreeSet<>();
    for (String scope : scopes) {
      String s = scope.strip().toLowerCase(Locale.ROOT);
      if (!SCOPE.matcher(s).matches()) {
        throw new InvalidValueException("'" + scope + "' is not a token scope");
      }
      clean.add(s);
    }
    return String.join(",", clean);
  }

  private static List<String> scopes(String text) {
    return text == null || text.equals("all") ? List.of() : List.of(text.split(","));
  }

  private static Optional<User> userByName(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users u WHERE u.username_key = ?")) {
      ps.setString(1, usernameKey(username));
      return oneUser(ps);
    }
  }

  /** Binds a statement's parameters. */
  @FunctionalInterface
  private interface Binding {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Inserts a row whose key must be new; a key in use is {@code inUse}, as a user's error. */
  private static void insertUnique(Connection c, String sql, String inUse, Binding binding)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binding.bind(ps);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (Database.isUniqueViolation(e)) {
        throw new InvalidValueException(inUse);
      }
      throw e;
    }
  }

  /** Maps the current row of a result. */
  @FunctionalInterface
  private interface Row<T> {
    T of(ResultSet rs) throws SQLException;
  }

  /**
   * The first row of {@code sql}, which binds a secret's hash and then the time now; empty for a
   * hash that cannot be one (missing, empty, too long).
   */
  private <T> Optional<T> unexpired(String sql, String secretHash, Instant now, Row<T> row) {
    if (secretHash == null || secretHash.isEmpty() || secretHash.length() > MAX_SECRET) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, secretHash);
            Database.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(row.of(rs)) : Optional.<T>empty();
            }
          }
        });
  }

  /**
   * The rows of {@code sql}, which binds a user's id and then the time now; none for an id that
   * cannot be one.
   */
  private <T> List<T> unexpiredOf(String sql, String userId, Instant now, Row<T> row) {
    requireNonNull(now, "now");
    Optional<UUID> user = uuid(userId);
    if (user.isEmpty()) {
      return List.of();
    }
    return db.read(
        c -> {
          List<T> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, user.get());
            Database.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(row.of(rs));
              }
            }
          }
          return out;
        });
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
