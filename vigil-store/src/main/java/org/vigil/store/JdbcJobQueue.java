/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobQueue;
import org.vigil.jobs.JobRequest;
import org.vigil.jobs.JobState;

/**
 * The job queue in the {@code jobs} table (V31), on H2 or PostgreSQL with the same SQL: claims are
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, and every time is {@code CURRENT_TIMESTAMP}, the
 * database's clock, plus a number of milliseconds.
 */
final class JdbcJobQueue implements JobQueue {
  private static final String COLUMNS = "id, kind, job_key, payload, state, attempts, last_error";
  private static final String LATER =
      "CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '0.001' SECOND";
  private static final int MAX_ERROR = 2000;

  private final Database db;

  JdbcJobQueue(Database db) {
    this.db = db;
  }

  @Override
  public boolean enqueue(JobRequest request) {
    requireNonNull(request, "request");
    return db.inTransaction(
        c -> {
          if (find(c, request.kind(), request.key()).isPresent()) {
            return false;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO jobs (kind, job_key, payload, state, attempts, run_at, created_at)"
                      + " VALUES (?, ?, ?, 'queued', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            ps.setString(1, request.kind());
            ps.setString(2, request.key());
            ps.setString(3, request.payload());
            ps.executeUpdate();
            return true;
          } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
              return false; // another node enqueued it a moment ago
            }
            throw e;
          }
        });
  }

  @Override
  public boolean enqueueUnlessWaiting(JobRequest request) {
    requireNonNull(request, "request");
    boolean waiting =
        db.read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT 1 FROM jobs WHERE kind = ? AND state = 'queued' AND attempts = 0"
                          + " FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, request.kind());
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next();
                }
              }
            });
    return !waiting && enqueue(request);
  }

  @Override
  public List<Job> claim(String node, int max, Duration lease) {
    requireNonNull(node, "node");
    if (max < 1) {
      throw new IllegalArgumentException("claim at least 1 job, not " + max);
    }
    return db.inTransaction(
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM jobs WHERE (state = 'queued' AND run_at <= CURRENT_TIMESTAMP)"
                      + " OR (state = 'running' AND lease_until < CURRENT_TIMESTAMP)"
                      + " ORDER BY run_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          List<Job> jobs = new ArrayList<>(ids.size());
          for (long id : ids) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE jobs SET state = 'running', node = ?, attempts = attempts + 1,"
                        + " lease_until = "
                        + LATER
                        + " WHERE id = ?")) {
              ps.setString(1, node);
              ps.setLong(2, lease.toMillis());
              ps.setLong(3, id);
              ps.executeUpdate();
            }
            try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
              ps.setLong(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                jobs.add(job(rs));
              }
            }
          }
          return jobs;
        });
  }

  @Override
  public boolean renew(long id, String node, Duration lease) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE jobs SET lease_until = "
                      + LATER
                      + " WHERE id = ? AND node = ? AND state = 'running'")) {
            ps.setLong(1, lease.toMillis());
            ps.setLong(2, id);
            ps.setString(3, node);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean complete(long id, String node) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE jobs SET state = 'done', lease_until = NULL, last_error = NULL,"
                      + " finished_at = CURRENT_TIMESTAMP"
                      + " WHERE id = ? AND node = ? AND state = 'running'")) {
            ps.setLong(1, id);
            ps.setString(2, node);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean fail(long id, String node, String error, Optional<Duration> retryAfter) {
    requireNonNull(error, "error");
    requireNonNull(retryAfter, "retryAfter");
    String shortError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    return db.inTransaction(
        c -> {
          String sql =
              retryAfter.isPresent()
                  ? "UPDATE jobs SET state = 'queued', lease_until = NULL, last_error = ?,"
                      + " run_at = "
                      + LATER
                      + " WHERE id = ? AND node = ? AND state = 'running'"
                  : "UPDATE jobs SET state = 'parked', lease_until = NULL, last_error = ?,"
                      + " finished_at = CURRENT_TIMESTAMP"
                      + " WHERE id = ? AND node = ? AND state = 'running'";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, shortError);
            if (retryAfter.isPresent()) {
              ps.setLong(i++, retryAfter.get().toMillis());
            }
            ps.setLong(i++, id);
            ps.setString(i, node);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<Job> find(String kind, String key) {
    return db.read(c -> find(c, kind, key));
  }

  private static Optional<Job> find(Connection c, String kind, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE kind = ? AND job_key = ?")) {
      ps.setString(1, kind);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(job(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public List<Job> parked(int limit) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM jobs WHERE state = 'parked' ORDER BY finished_at, id LIMIT ?")) {
            ps.setInt(1, Math.max(0, limit));
            List<Job> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(job(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public Map<JobState, Long> counts() {
    return db.read(
        c -> {
          Map<JobState, Long> out = new EnumMap<>(JobState.class);
          for (JobState s : JobState.values()) {
            out.put(s, 0L);
          }
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT state, COUNT(*) FROM jobs GROUP BY state");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(JobState.ofColumn(rs.getString(1)), rs.getLong(2));
            }
          }
          return out;
        });
  }

  @Override
  public List<Job> list(JobState state, int limit) {
    requireNonNull(state, "state");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM jobs WHERE state = ? ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, state.column());
            ps.setInt(2, Math.max(0, limit));
            List<Job> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(job(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public boolean retry(long id) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE jobs SET state = 'queued', attempts = 0, run_at = CURRENT_TIMESTAMP,"
                      + " finished_at = NULL, node = NULL WHERE id = ? AND state = 'parked'")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public int forgetDone(String kind, String keyPrefix, Duration age) {
    requireNonNull(kind, "kind");
    requireNonNull(keyPrefix, "keyPrefix");
    String pattern = keyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM jobs WHERE kind = ? AND state = 'done' AND job_key LIKE ? ESCAPE '\\'"
                      + " AND finished_at < CURRENT_TIMESTAMP - CAST(? AS BIGINT) * INTERVAL '0.001'"
                      + " SECOND")) {
            ps.setString(1, kind);
            ps.setString(2, pattern);
            ps.setLong(3, age.toMillis());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Duration lag() {
    return db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT MIN(run_at), CURRENT_TIMESTAMP FROM jobs"
                          + " WHERE (state = 'queued' AND run_at <= CURRENT_TIMESTAMP)"
                          + " OR (state = 'running' AND lease_until < CURRENT_TIMESTAMP)");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            Instant oldest = Database.getInstant(rs, 1);
            Instant now = Database.getInstant(rs, 2);
            return oldest == null || oldest.isAfter(now)
                ? Duration.ZERO
                : Duration.between(oldest, now);
          }
        });
  }

  @Override
  public Instant now() {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Database.getInstant(rs, 1);
          }
        });
  }

  private static Job job(ResultSet rs) throws SQLException {
    return new Job(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        JobState.ofColumn(rs.getString(5)),
        rs.getInt(6),
        Optional.ofNullable(rs.getString(7)));
  }
}
