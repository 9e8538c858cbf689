/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PropertyType;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;

/**
 * Judgements in the {@code judgements} table, with their clusters mirrored in memory by {@link
 * Clusters}. The mirror is loaded when the store opens and kept current by this process's own
 * judgements and undos; a second process writing judgements to the same PostgreSQL is not seen
 * until this one reopens its store.
 */
final class JdbcJudgementRepository implements JudgementRepository {
  static final int MAX_REASON = 2_000;
  static final int MAX_ACTOR = 128;

  private static final String COLUMNS =
      "id, left_id, right_id, verdict, judged_by, judged_at, reason, score, undone_by, undone_at";

  private final Database db;
  private final Clusters clusters;

  JdbcJudgementRepository(Database db, Clusters clusters) {
    this.db = db;
    this.clusters = clusters;
  }

  /** Fills the in-memory clusters from the judgements in force. */
  void load() {
    db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM judgements WHERE undone_at IS NULL ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              clusters.add(judgement(rs));
            }
          }
          return null;
        });
  }

  @Override
  public Judgement judge(
      String left,
      String right,
      Verdict verdict,
      String judgedBy,
      String reason,
      OptionalDouble score) {
    requireNonNull(verdict, "verdict");
    requireNonNull(score, "score");
    requireRecordId(left);
    requireRecordId(right);
    if (left.equals(right)) {
      throw new InvalidValueException("a judgement needs two different records, not " + left);
    }
    requireActor(judgedBy);
    requireNonNull(reason, "reason");
    if (reason.length() > MAX_REASON) {
      throw new InvalidValueException(
          "the reason is " + reason.length() + " chars long; the limit is " + MAX_REASON);
    }
    if (score.isPresent() && !(score.getAsDouble() >= 0.0 && score.getAsDouble() <= 1.0)) {
      throw new InvalidValueException("score " + score.getAsDouble() + " is outside [0, 1]");
    }
    Instant now = Database.stored(Instant.now());
    long id =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO judgements (left_id, right_id, verdict, judged_by, judged_at,"
                          + " reason, score) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      new String[] {"id"})) {
                ps.setString(1, left);
                ps.setString(2, right);
                ps.setString(3, verdict.name());
                ps.setString(4, judgedBy);
                Database.setInstant(ps, 5, now);
                ps.setString(6, reason);
                if (score.isPresent()) {
                  ps.setDouble(7, score.getAsDouble());
                } else {
                  ps.setNull(7, Types.DOUBLE);
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                  if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new judgement");
                  }
                  return keys.getLong(1);
                }
              }
            });
    Judgement judgement =
        new Judgement(
            id,
            left,
            right,
            verdict,
            judgedBy,
            now,
            reason,
            score,
            Optional.empty(),
            Optional.empty());
    db.afterCommit(() -> clusters.add(judgement));
    return judgement;
  }

  @Override
  public Judgement undo(long judgementId, String undoneBy) {
    requireActor(undoneBy);
    Instant now = Database.stored(Instant.now());
    Judgement undone =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE judgements SET undone_by = ?, undone_at = ?"
                          + " WHERE id = ? AND undone_at IS NULL")) {
                ps.setString(1, undoneBy);
                Database.setInstant(ps, 2, now);
                ps.setLong(3, judgementId);
                if (ps.executeUpdate() == 0) {
                  throw new NoSuchElementException(
                      "there is no judgement " + judgementId + " in force");
                }
              }
              return byId(c, judgementId);
            });
    db.afterCommit(() -> clusters.remove(undone));
    return undone;
  }

  @Override
  public List<Judgement> history(String recordId) {
    return db.read(
        c -> {
          List<Judgement> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM judgements WHERE left_id = ? OR right_id = ? ORDER BY id")) {
            ps.setString(1, recordId);
            ps.setString(2, recordId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(judgement(rs));
              }
            }
          }
          return out;
        });
  }

  @Override
  public List<Judgement> all() {
    return db.read(
        c -> {
          List<Judgement> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT " + COLUMNS + " FROM judgements ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(judgement(rs));
            }
          }
          return out;
        });
  }

  @Override
  public Optional<Judgement> byId(long judgementId) {
    return db.read(
        c -> {
          try {
            return Optional.of(byId(c, judgementId));
          } catch (NoSuchElementException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public String canonicalId(String recordId) {
    return clusters.canonicalId(requireNonNull(recordId, "recordId"));
  }

  @Override
  public Set<String> members(String recordId) {
    return clusters.members(requireNonNull(recordId, "recordId"));
  }

  private static Judgement byId(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM judgements WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchElementException("there is no judgement " + id);
        }
        return judgement(rs);
      }
    }
  }

  private static Judgement judgement(ResultSet rs) throws SQLException {
    double score = rs.getDouble(8);
    OptionalDouble optionalScore = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
    return new Judgement(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        Verdict.valueOf(rs.getString(4)),
        rs.getString(5),
        Database.getInstant(rs, 6),
        rs.getString(7),
        optionalScore,
        Optional.ofNullable(rs.getString(9)),
        Optional.ofNullable(Database.getInstant(rs, 10)));
  }

  private static void requireRecordId(String id) {
    if (!PropertyType.isEntityId(id)) {
      throw new InvalidValueException("'" + id + "' is not a record id");
    }
  }

  private static void requireActor(String actor) {
    if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
      throw new InvalidValueException(
          "who judged must be named in 1 to " + MAX_ACTOR + " chars, not '" + actor + "'");
    }
  }
}
