/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditRecord;
import org.vigil.audit.AuditSeal;
import org.vigil.audit.ChainVerification;
import org.vigil.model.InvalidValueException;

/**
 * The audit log in {@code audit_log}, with the chain's head in the one-row {@code audit_head}.
 *
 * <p>An append locks the head row ({@code SELECT ... FOR UPDATE}) in its transaction, so appends
 * from several processes on one database queue up instead of forking the chain; within this process
 * they are also synchronised, so that they do not wait on each other in the database. Fields longer
 * than their columns are cut before the row is hashed, so the stored row is exactly the hashed one.
 */
final class JdbcAuditLog implements AuditLog {
  static final int MAX_ACTOR = 128;
  static final int MAX_TARGET = 512;
  static final int MAX_DETAIL = 2_000;
  static final int MAX_REMOTE = 128;
  static final int MAX_RECENT = 10_000;

  private static final String COLUMNS =
      "seq, actor, action, target, detail, remote_address, at_seconds, at_nanos, prev_hash,"
          + " row_hash, row_seal";

  private final Database db;
  private final AuditSeal seal;

  JdbcAuditLog(Database db, AuditSeal seal) {
    this.db = db;
    this.seal = requireNonNull(seal, "seal");
  }

  @Override
  public synchronized AuditRecord append(AuditEvent event) {
    requireNonNull(event, "event");
    return db.inTransaction(c -> append(c, event));
  }

  @Override
  public synchronized List<AuditRecord> appendAll(List<AuditEvent> events) {
    List<AuditEvent> all = List.copyOf(events);
    return db.inTransaction(
        c -> {
          List<AuditRecord> out = new ArrayList<>(all.size());
          for (AuditEvent event : all) {
            out.add(append(c, event));
          }
          return out;
        });
  }

  /**
   * Appends {@code event} in the caller's transaction on {@code c}: the row is committed with the
   * caller's writes or not at all. The head row stays locked until that transaction ends, so the
   * caller commits promptly, holding this log's monitor (see {@link Store#audited}).
   */
  AuditRecord append(Connection c, AuditEvent event) throws SQLException {
    requireNonNull(event, "event");
    AuditEvent bounded =
        new AuditEvent(
            cut(event.actor(), MAX_ACTOR),
            event.action(),
            cut(event.target(), MAX_TARGET),
            cut(event.detail(), MAX_DETAIL),
            cut(event.remoteAddress(), MAX_REMOTE),
            event.at());
    long lastSeq;
    String lastHash;
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the audit_head row is missing");
      }
      lastSeq = rs.getLong(1);
      lastHash = rs.getString(2);
    }
    AuditRecord record = AuditRecord.chain(lastSeq + 1, bounded, lastHash);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, record.sequence());
      ps.setString(2, bounded.actor());
      ps.setString(3, bounded.action().name());
      ps.setString(4, bounded.target());
      ps.setString(5, bounded.detail());
      ps.setString(6, bounded.remoteAddress());
      ps.setLong(7, bounded.at().getEpochSecond());
      ps.setInt(8, bounded.at().getNano());
      ps.setString(9, record.previousHash());
      ps.setString(10, record.hash());
      ps.setString(11, seal.of(record));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      ps.setLong(1, record.sequence());
      ps.setString(2, record.hash());
      ps.executeUpdate();
    }
    return record;
  }

  /** Whether any row carries a seal: then the log was sealed with a key that must not change. */
  static boolean anySealed(Database db) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT 1 FROM audit_log WHERE row_seal IS NOT NULL" + " LIMIT 1");
              ResultSet rs = ps.executeQuery()) {
            return rs.next();
          }
        });
  }

  /**
   * Seals the rows written before the log had a key (by a version before the seal), once, when the
   * key is created: from then on every row must carry a seal.
   *
   * @return how many rows were sealed
   */
  synchronized long sealUnsealed() {
    return db.inTransaction(
        c -> {
          List<AuditRecord> rows = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT " + COLUMNS + " FROM audit_log WHERE row_seal IS NULL ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(record(rs));
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE audit_log SET row_seal = ? WHERE seq = ?")) {
            for (AuditRecord row : rows) {
              ps.setString(1, seal.of(row));
              ps.setLong(2, row.sequence());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return (long) rows.size();
        });
  }

  /**
   * Streams every row in sequence order through a {@link ChainVerification}, then checks that the
   * chain ends where the head row says it does (which finds deleted newest rows).
   */
  @Override
  public ChainVerification verify(ChainVerification verification) {
    requireNonNull(verification, "verification");
    db.read(
        c -> {
          // PostgreSQL streams only inside a transaction with a fetch size.
          c.setAutoCommit(false);
          try {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
              ps.setFetchSize(1_000);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  AuditRecord row = record(rs);
                  verification.accept(row);
                  verification.acceptSeal(row, Optional.ofNullable(rs.getString(11)), seal);
                }
              }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
              verification.finish();
              if (rs.next()) {
                verification.expectEnd(rs.getLong(1), rs.getString(2));
              } else {
                verification.expectEnd(-1, "the head row is missing");
              }
            }
            c.commit();
          } finally {
            c.setAutoCommit(true);
          }
          return null;
        });
    return verification;
  }

  @Override
  public List<AuditRecord> recent(int limit) {
    if (limit < 1 || limit > MAX_RECENT) {
      throw new InvalidValueException("limit " + limit + " is outside 1.." + MAX_RECENT);
    }
    return db.read(
        c -> {
          List<AuditRecord> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(record(rs));
              }
            }
          }
          return out;
        });
  }

  private static AuditRecord record(ResultSet rs) throws SQLException {
    AuditEvent event =
        new AuditEvent(
            rs.getString(2),
            AuditAction.valueOf(rs.getString(3)),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            Instant.ofEpochSecond(rs.getLong(7), rs.getInt(8)));
    return new AuditRecord(rs.getLong(1), event, rs.getString(9), rs.getString(10));
  }

  /** At most {@code max} chars, never splitting a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
