/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The failed sign-in attempts in the {@code login_failures} table (V22) and the accounts' known
 * addresses in {@code known_sign_in_addresses} (V32), keys as SHA-256.
 */
final class JdbcLoginFailureRepository implements LoginFailureRepository {
  private final Database db;

  JdbcLoginFailureRepository(Database db) {
    this.db = db;
  }

  @Override
  public long add(String throttle, String key, Instant at) {
    requireNonNull(at, "at");
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO login_failures (throttle, key_hash, failed_at) VALUES (?, ?, ?)",
                  new String[] {"id"})) {
            ps.setString(1, throttle);
            ps.setString(2, hash(key));
            Database.setInstant(ps, 3, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("the database returned no id for the failure");
              }
              return keys.getLong(1);
            }
          }
        });
  }

  @Override
  public List<Failure> since(String throttle, String key, Instant since) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, failed_at FROM login_failures WHERE throttle = ? AND key_hash = ?"
                      + " AND failed_at >= ? ORDER BY failed_at, id")) {
            ps.setString(1, throttle);
            ps.setString(2, hash(key));
            Database.setInstant(ps, 3, since);
            List<Failure> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Failure(rs.getLong(1), Database.getInstant(rs, 2)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void remove(long id) {
    update("DELETE FROM login_failures WHERE id = ?", id);
  }

  @Override
  public void removeNewest(String throttle, String key) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM login_failures WHERE id = (SELECT MAX(id) FROM login_failures"
                      + " WHERE throttle = ? AND key_hash = ?)")) {
            ps.setString(1, throttle);
            ps.setString(2, hash(key));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void clear(String throttle, String key) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM login_failures WHERE throttle = ? AND key_hash = ?")) {
            ps.setString(1, throttle);
            ps.setString(2, hash(key));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public int prune(Instant before) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM login_failures WHERE failed_at < ?")) {
            Database.setInstant(ps, 1, before);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean isKnownAddress(String account, String address) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM known_sign_in_addresses WHERE account_hash = ?"
                      + " AND address_hash = ?")) {
            ps.setString(1, hash(account));
            ps.setString(2, hash(address));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public void rememberAddress(String account, String address, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one address, not " + keep);
    }
    String accountHash = hash(account);
    String addressHash = hash(address);
    db.inTransaction(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE known_sign_in_addresses SET signed_in_at = CURRENT_TIMESTAMP"
                      + " WHERE account_hash = ? AND address_hash = ?")) {
            update.setString(1, accountHash);
            update.setString(2, addressHash);
            if (update.executeUpdate() > 0) {
              return null;
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO known_sign_in_addresses (account_hash, address_hash, signed_in_at)"
                      + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, accountHash);
            insert.setString(2, addressHash);
            insert.executeUpdate();
          } catch (SQLException e) {
            if (!Database.isUniqueViolation(e)) {
              throw e;
            }
            // another node remembered it a moment ago
          }
          return null;
        });
    // apart, so that a unique violation above (which ends a PostgreSQL transaction) spoils nothing
    db.inTransaction(
        c -> {
          try (PreparedStatement trim =
              c.prepareStatement(
                  "DELETE FROM known_sign_in_addresses WHERE account_hash = ? AND address_hash"
                      + " NOT IN (SELECT address_hash FROM known_sign_in_addresses"
                      + " WHERE account_hash = ? ORDER BY signed_in_at DESC, address_hash"
                      + " FETCH FIRST ? ROWS ONLY)")) {
            trim.setString(1, accountHash);
            trim.setString(2, accountHash);
            trim.setInt(3, keep);
            return trim.executeUpdate();
          }
        });
  }

  private void update(String sql, long id) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return ps.executeUpdate();
          }
        });
  }

  private static String hash(String key) {
    requireNonNull(key, "key");
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
