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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.resolve.Audience;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;

/**
 * Judgements in the {@code judgements} table, with their clusters mirrored in memory by {@link
 * Clusters}. The mirror is loaded when the store opens and kept current by this process's own
 * judgements and undos; a second process writing judgements to the same PostgreSQL is not seen
 * until this one reopens its store. A judgement's audience is stored as its owner organisation and
 * its readers (comma-separated user ids).
 */
final class JdbcJudgementRepository implements JudgementRepository {
  static final int MAX_REASON = 2_000;
  static final int MAX_ACTOR = 128;

  private static final String COLUMNS =
      "id, left_id, right_id, verdict, judged_by, judged_at, reason, score, undone_by, undone_at,"
          + " owner_org, readers";
  static final int MAX_READERS = 16_384;

  private final Database db;
  private final Clusters clusters;
  private final AccountRepository accounts;

  JdbcJudgementRepository(Database db, Clusters clusters, AccountRepository accounts) {
    this.db = db;
    this.clusters = clusters;
    this.accounts = accounts;
  }

  /**
   * Replaces the in-memory clusters with the judgements in force now: after another node judged or
   * undid (the change sequence said so).
   */
  void reload() {
    List<Judgement> current =
        db.read(
            c -> {
              List<Judgement> out = new ArrayList<>();
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT "
                              + COLUMNS
                              + " FROM judgements WHERE undone_at IS NULL ORDER BY id");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(judgement(rs));
                }
              }
              return out;
            });
    clusters.replace(current);
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
  public Judgement judge(Viewer judge, String left, String right, Verdict verdict, String reason) {
    requireNonNull(judge, "judge");
    requireRecordId(left);
    requireRecordId(right);
    Clusters.View view = clusters.view(judge);
    // What the judge sees of both entities is what the judgement rests on; its readers must see
    // all of it, so that its note and its merge tell no one anything they could not read.
    Set<Marking> evidence = new LinkedHashSet<>();
    for (String id : List.of(left, right)) {
      Set<Marking> seen = visibleMarkings(view.members(id), judge);
      if (seen.isEmpty()) {
        throw new NoSuchElementException("no entity " + id);
      }
      evidence.addAll(seen);
    }
    SortedSet<String> readers = new TreeSet<>();
    if (!judge.isSystem()) {
      readers.add(judge.userId());
    }
    for (User user : accounts.users()) {
      if (judge.isSystem() || user.orgId().equals(judge.orgId())) {
        Viewer reader = accounts.viewer(user);
        if (evidence.stream().allMatch(m -> MarkingPolicy.canSee(reader, m))) {
          readers.add(user.id());
        }
      }
    }
    Audience audience = new Audience(judge.isSystem() ? Audience.OPERATOR : judge.orgId(), readers);
    return record(left, right, verdict, judge.username(), reason, OptionalDouble.empty(), audience);
  }

  private Set<Marking> visibleMarkings(Collection<String> records, Viewer viewer) {
    return db.read(
        c -> {
          Set<Marking> out = new LinkedHashSet<>();
          for (List<String> chunk : JdbcStatementRepository.chunks(records)) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT DISTINCT tlp, owner_org, named_users, restricted_orgs FROM statements"
                        + " WHERE entity_id IN ("
                        + JdbcStatementRepository.placeholders(chunk.size())
                        + ")")) {
              JdbcStatementRepository.bindAll(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  Marking marking = Rows.marking(rs, 1);
                  if (MarkingPolicy.canSee(viewer, marking)) {
                    out.add(marking);
                  }
                }
              }
            }
          }
          return out;
        });
  }

  @Override
  public Judgement record(
      String left,
      String right,
      Verdict verdict,
      String judgedBy,
      String reason,
      OptionalDouble score,
      Audience audience) {
    requireNonNull(verdict, "verdict");
    requireNonNull(audience, "audience");
    String readers = String.join(",", audience.readers());
    if (readers.length() > MAX_READERS) {
      throw new InvalidValueException(
          "a judgement may name at most " + MAX_READERS + " chars of readers");
    }
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
    Instant now = db.now();
    long id =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO judgements (left_id, right_id, verdict, judged_by, judged_at,"
                          + " reason, score, owner_org, readers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                ps.setString(8, audience.ownerOrg());
                ps.setString(9, readers);
                ps.executeUpdate();
                db.recordChange(c, "judgements");
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
            Optional.empty(),
            audience);
    db.afterCommit(() -> clusters.add(judgement));
    return judgement;
  }

  @Override
  public Judgement undo(long judgementId, Viewer by) {
    requireNonNull(by, "by");
    String undoneBy = by.username();
    requireActor(undoneBy);
    Instant now = db.now();
    Judgement undone =
        db.inTransaction(
            c -> {
              Judgement found;
              try {
                found = byId(c, judgementId);
              } catch (NoSuchElementException e) {
                found = null;
              }
              if (found == null || !found.audience().admits(by) || !found.audience().ownedBy(by)) {
                // Another organisation's judgement is answered like one that does not exist.
                throw new NoSuchElementException(
                    "there is no judgement " + judgementId + " in force");
              }
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
              db.recordChange(c, "judgements");
              return byId(c, judgementId);
            });
    db.afterCommit(() -> clusters.remove(undone));
    return undone;
  }

  @Override
  public List<Judgement> history(String recordId, Viewer viewer) {
    requireNonNull(viewer, "viewer");
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
                Judgement j = judgement(rs);
                if (j.audience().admits(viewer)) {
                  out.add(j);
                }
              }
            }
          }
          return out;
        });
  }

  @Override
  public List<Judgement> all(Viewer viewer) {
    requireNonNull(viewer, "viewer");
    return db.read(
        c -> {
          List<Judgement> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT " + COLUMNS + " FROM judgements ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Judgement j = judgement(rs);
              if (j.audience().admits(viewer)) {
                out.add(j);
              }
            }
          }
          return out;
        });
  }

  @Override
  public Optional<Judgement> byId(long judgementId, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    return db.read(
        c -> {
          try {
            return Optional.of(byId(c, judgementId)).filter(j -> j.audience().admits(viewer));
          } catch (NoSuchElementException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public String canonicalId(String recordId, Viewer viewer) {
    return clusters.view(viewer).canonicalId(requireNonNull(recordId, "recordId"));
  }

  @Override
  public Set<String> members(String recordId, Viewer viewer) {
    return clusters.view(viewer).members(requireNonNull(recordId, "recordId"));
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
        Optional.ofNullable(Database.getInstant(rs, 10)),
        new Audience(rs.getString(11), readers(rs.getString(12))));
  }

  private static SortedSet<String> readers(String joined) {
    TreeSet<String> out = new TreeSet<>();
    for (String id : joined.split(",")) {
      if (!id.isBlank()) {
        out.add(id);
      }
    }
    return out;
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

  /** A number that changes whenever a judgement is made or undone. */
  long clustersVersion() {
    return clusters.version();
  }
}
