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

/** The failed sign-in attempts in the {@code login_failures} table (V22), keys as SHA-256. */
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
