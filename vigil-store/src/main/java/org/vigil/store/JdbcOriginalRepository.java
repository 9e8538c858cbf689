/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;

/**
 * Kept originals in the {@code kept_originals} table, bytes in its binary column, one row per owner
 * organisation and file hash.
 */
final class JdbcOriginalRepository implements OriginalRepository {
  private static final String COLUMNS =
      "file_hash, file_name, size_bytes, status, reason, tlp, owner_org, named_users,"
          + " restricted_orgs, reliability, origin_path, document_id, attempts, first_seen,"
          + " last_attempt, CASE WHEN content IS NULL THEN 0 ELSE 1 END";

  private final Database db;

  JdbcOriginalRepository(Database db) {
    this.db = db;
  }

  @Override
  public void record(OriginalAttempt attempt) {
    requireNonNull(attempt, "attempt");
    Rows.markingProblem(attempt.marking())
        .ifPresent(
            p -> {
              throw new InvalidValueException(p);
            });
    try {
      db.inTransaction(
          c -> {
            record(c, attempt);
            return null;
          });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && Database.isUniqueViolation(sql)) {
        // Another process inserted the same bytes' row between our look-up and insert.
        db.inTransaction(
            c -> {
              record(c, attempt);
              return null;
            });
      } else {
        throw e;
      }
    }
  }

  /** Records the attempt on {@code c}, inside the caller's transaction. */
  void record(Connection c, OriginalAttempt a) throws SQLException {
    String owner = a.marking().ownerOrg();
    Optional<Boolean> hasContent = hasContent(c, owner, a.fileHash());
    boolean settled = KeptOriginal.isSettled(a.status());
    boolean copy = !settled && a.content().isPresent() && !hasContent.orElse(false);
    try (InputStream in = copy ? a.content().get().open() : InputStream.nullInputStream()) {
      if (hasContent.isEmpty()) {
        insert(c, a, copy ? Optional.of(in) : Optional.empty());
      } else {
        update(c, a);
        if (settled && hasContent.get()) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE kept_originals SET content = NULL WHERE owner_org = ? AND file_hash = ?")) {
            ps.setString(1, owner);
            ps.setString(2, a.fileHash());
            ps.executeUpdate();
          }
        } else if (copy) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE kept_originals SET content = ? WHERE owner_org = ? AND file_hash = ?")) {
            ps.setBinaryStream(1, in, a.sizeBytes());
            ps.setString(2, owner);
            ps.setString(3, a.fileHash());
            ps.executeUpdate();
          }
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot read " + a.fileName() + " to keep it: " + e.getMessage(), e);
    }
  }

  private void insert(Connection c, OriginalAttempt a, Optional<InputStream> content)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO kept_originals (file_hash, file_name, size_bytes, status, reason, tlp,"
                + " owner_org, named_users, restricted_orgs, reliability, origin_path,"
                + " document_id, attempts, first_seen, last_attempt, content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
      ps.setString(1, a.fileHash());
      ps.setString(2, a.fileName());
      ps.setLong(3, a.sizeBytes());
      ps.setString(4, a.status());
      ps.setString(5, a.reason());
      Rows.bindMarking(ps, 6, a.marking());
      ps.setString(10, a.reliability().name());
      ps.setString(11, a.originPath().orElse(null));
      ps.setString(12, a.documentId().orElse(null));
      Database.setInstant(ps, 13, a.at());
      Database.setInstant(ps, 14, a.at());
      if (content.isPresent()) {
        ps.setBinaryStream(15, content.get(), a.sizeBytes());
      } else {
        ps.setNull(15, binaryType());
      }
      ps.executeUpdate();
    }
  }

  /** Updates the owner's own row of these bytes: another organisation's row is never touched. */
  private static void update(Connection c, OriginalAttempt a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE kept_originals SET file_name = ?, status = ?, reason = ?, tlp = ?,"
                + " owner_org = ?, named_users = ?, restricted_orgs = ?, reliability = ?,"
                + " origin_path = COALESCE(?, origin_path), document_id = COALESCE(?,"
                + " document_id), attempts = attempts + 1, last_attempt = ?"
                + " WHERE owner_org = ? AND file_hash = ?")) {
      ps.setString(1, a.fileName());
      ps.setString(2, a.status());
      ps.setString(3, a.reason());
      Rows.bindMarking(ps, 4, a.marking());
      ps.setString(8, a.reliability().name());
      ps.setString(9, a.originPath().orElse(null));
      ps.setString(10, a.documentId().orElse(null));
      Database.setInstant(ps, 11, a.at());
      ps.setString(12, a.marking().ownerOrg());
      ps.setString(13, a.fileHash());
      ps.executeUpdate();
    }
  }

  @Override
  public List<KeptOriginal> list() {
    return db.read(
        c -> {
          List<KeptOriginal> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM kept_originals ORDER BY first_seen, owner_org, file_hash");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(original(rs));
            }
          }
          return out;
        });
  }

  @Override
  public Optional<KeptOriginal> find(String ownerOrg, String fileHash) {
    requireNonNull(ownerOrg, "ownerOrg");
    requireNonNull(fileHash, "fileHash");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM kept_originals WHERE owner_org = ? AND file_hash = ?")) {
            ps.setString(1, ownerOrg);
            ps.setString(2, fileHash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(original(rs)) : Optional.<KeptOriginal>empty();
            }
          }
        });
  }

  @Override
  public Optional<byte[]> content(String ownerOrg, String fileHash) {
    requireNonNull(ownerOrg, "ownerOrg");
    requireNonNull(fileHash, "fileHash");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT content FROM kept_originals WHERE owner_org = ? AND file_hash = ?")) {
            ps.setString(1, ownerOrg);
            ps.setString(2, fileHash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.<byte[]>empty();
            }
          }
        });
  }

  private static Optional<Boolean> hasContent(Connection c, String ownerOrg, String fileHash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT CASE WHEN content IS NULL THEN 0 ELSE 1 END FROM kept_originals"
                + " WHERE owner_org = ? AND file_hash = ?")) {
      ps.setString(1, ownerOrg);
      ps.setString(2, fileHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1) == 1) : Optional.empty();
      }
    }
  }

  private int binaryType() {
    return db.dialect() == Database.Dialect.H2 ? Types.BLOB : Types.BINARY;
  }

  private static KeptOriginal original(ResultSet rs) throws SQLException {
    return new KeptOriginal(
        rs.getString(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        Rows.marking(rs, 6),
        Reliability.valueOf(rs.getString(10).strip()),
        Optional.ofNullable(rs.getString(11)),
        Optional.ofNullable(rs.getString(12)),
        rs.getInt(13),
        Database.getInstant(rs, 14),
        Database.getInstant(rs, 15),
        rs.getInt(16) == 1);
  }
}
