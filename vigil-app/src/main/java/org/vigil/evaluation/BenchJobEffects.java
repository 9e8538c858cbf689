/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.vigil.jobs.JobHandler;
import org.vigil.store.StoreConfig;

/**
 * A job with an effect that can be counted, for {@code vigil bench scale --kill-one}: each run of a
 * job works for a while, writes its effect, and works a while more before the runner records the
 * job done (as an ingest stores its document, then indexes it). A node killed in the second half
 * has written the effect of a job that is not yet done, and the job runs again on another node.
 *
 * <p>The effect is written twice, as two handlers would: a row per run in {@code bench_job_runs}
 * (an at-least-once handler, whose effect a run again repeats), and the job's key in {@code
 * bench_job_effects}, where it is the primary key and a run again adds nothing ({@code ON CONFLICT
 * DO NOTHING}: the effect keyed by its job, as an ingest keys a document by its content's hash).
 * Both tables are the bench's own, made in the bench's database, not by Vigil's migrations.
 */
final class BenchJobEffects {
  private BenchJobEffects() {}

  /** What a round of jobs did, counted from the two tables. */
  record Counts(long withoutEffect, long runTwice, long runs, long keyedEffects) {}

  static void create(StoreConfig config) throws SQLException {
    try (Connection c = connect(config);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS bench_job_runs (id BIGSERIAL PRIMARY KEY,"
              + " job_key VARCHAR(200) NOT NULL, node VARCHAR(200) NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS bench_job_runs_key ON bench_job_runs (job_key)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS bench_job_effects (job_key VARCHAR(200) PRIMARY KEY,"
              + " node VARCHAR(200) NOT NULL)");
    }
  }

  /**
   * A handler that works {@code work} in all, half before its effect and half after, on a
   * connection of its own per runner thread.
   */
  static JobHandler handler(StoreConfig config, String node, Duration work) {
    ThreadLocal<Connection> connection = new ThreadLocal<>();
    return job -> {
      Thread.sleep(work.toMillis() / 2);
      Connection c = connection.get();
      if (c == null || c.isClosed()) {
        c = connect(config);
        connection.set(c);
      }
      try (PreparedStatement run =
              c.prepareStatement("INSERT INTO bench_job_runs (job_key, node) VALUES (?, ?)");
          PreparedStatement effect =
              c.prepareStatement(
                  "INSERT INTO bench_job_effects (job_key, node) VALUES (?, ?)"
                      + " ON CONFLICT (job_key) DO NOTHING")) {
        run.setString(1, job.key());
        run.setString(2, node);
        run.executeUpdate();
        effect.setString(1, job.key());
        effect.setString(2, node);
        effect.executeUpdate();
      }
      Thread.sleep(work.toMillis() - work.toMillis() / 2);
    };
  }

  /** Counts the effects of the jobs of {@code kind} whose keys begin with {@code prefix}. */
  static Counts count(StoreConfig config, String kind, String prefix) throws SQLException {
    String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    try (Connection c = connect(config)) {
      return new Counts(
          single(
              c,
              "SELECT COUNT(*) FROM jobs j WHERE j.kind = ? AND j.job_key LIKE ? AND NOT EXISTS"
                  + " (SELECT 1 FROM bench_job_runs r WHERE r.job_key = j.job_key)",
              kind,
              like),
          single(
              c,
              "SELECT COUNT(*) FROM (SELECT job_key FROM bench_job_runs WHERE job_key LIKE ?"
                  + " GROUP BY job_key HAVING COUNT(*) > 1) t",
              like),
          single(c, "SELECT COUNT(*) FROM bench_job_runs WHERE job_key LIKE ?", like),
          single(c, "SELECT COUNT(*) FROM bench_job_effects WHERE job_key LIKE ?", like));
    }
  }

  /** How many jobs of {@code kind} {@code node} holds (running) now. */
  static long held(StoreConfig config, String kind, String node) throws SQLException {
    try (Connection c = connect(config)) {
      return single(
          c,
          "SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = 'running' AND node = ?",
          kind,
          node);
    }
  }

  private static long single(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Connection connect(StoreConfig config) throws SQLException {
    return DriverManager.getConnection(
        config.jdbcUrl(), config.user().orElse(null), config.password().orElse(null));
  }
}
