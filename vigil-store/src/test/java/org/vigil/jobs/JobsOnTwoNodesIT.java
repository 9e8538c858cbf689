/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * Two nodes on one PostgreSQL: node A a process of its own ({@link JobNodeMain}), node B this JVM.
 * Node A is killed (SIGKILL) in the middle of a batch of 200 jobs; node B takes over its jobs once
 * their leases run out. Every job ends done, each effect is there exactly once, and only the jobs A
 * was running when it died ran twice.
 */
class JobsOnTwoNodesIT {
  private static final int JOBS = 200;

  @TempDir Path dir;

  @Test
  void aNodeKilledMidBatchLeavesEveryJobDoneExactlyOnce() throws Exception {
    try (EmbeddedPostgres postgres = RootlessPostgres.start()) {
      StoreConfig config = RootlessPostgres.freshDatabase(postgres, dir.resolve("b"));
      String url = config.jdbcUrl();
      String user = config.user().orElseThrow();
      Process nodeA = null;
      try (Store store = Store.open(config)) {
        sql(url, user, "CREATE TABLE job_runs (job_key VARCHAR(64) NOT NULL, node VARCHAR(16))");
        sql(url, user, "CREATE TABLE job_effects (job_key VARCHAR(64) NOT NULL, node VARCHAR(16))");
        for (int i = 0; i < JOBS; i++) {
          store.jobs().enqueue(new JobRequest("effect", "doc-" + i, "{}"));
        }
        nodeA =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    JobNodeMain.class.getName(),
                    url,
                    user,
                    "node-a",
                    dir.resolve("a").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node-a.log").toFile())
                .start();
        Process a = nodeA;
        JobQueueContract.await(() -> count(url, user, "job_effects") >= 20 || !a.isAlive());
        assertThat(nodeA.isAlive()).as("node A runs jobs").isTrue();
        nodeA.destroyForcibly(); // kill -9, mid-batch: its running jobs keep their lease
        nodeA.waitFor(30, TimeUnit.SECONDS);
        long doneByA = store.jobs().counts().get(JobState.DONE);

        try (JobRunner nodeB =
            JobRunner.start(
                store.jobs(),
                "node-b",
                Map.of("effect", job -> JobNodeMain.effect(url, user, "node-b", job)),
                JobNodeMain.settings())) {
          JobQueueContract.await(() -> store.jobs().counts().get(JobState.DONE) == JOBS);
        }

        assertThat(store.jobs().counts())
            .containsEntry(JobState.DONE, (long) JOBS)
            .containsEntry(JobState.PARKED, 0L)
            .containsEntry(JobState.RUNNING, 0L);
        assertThat(count(url, user, "job_effects")).isEqualTo(JOBS);
        assertThat(distinct(url, user, "job_effects")).isEqualTo(JOBS);
        List<String> twice = ranTwice(url, user);
        // only what A held when it died: at most its two threads' jobs
        assertThat(twice).hasSizeLessThanOrEqualTo(2);
        assertThat(doneByA).isGreaterThanOrEqualTo(18).isLessThan(JOBS);
        assertThat(nodes(url, user)).containsExactly("node-a", "node-b");
      } finally {
        if (nodeA != null && nodeA.isAlive()) {
          nodeA.destroyForcibly();
          nodeA.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static void sql(String url, String user, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(String url, String user, String table) {
    return single(url, user, "SELECT COUNT(*) FROM " + table);
  }

  private static long distinct(String url, String user, String table) {
    return single(url, user, "SELECT COUNT(DISTINCT job_key) FROM " + table);
  }

  private static long single(String url, String user, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> ranTwice(String url, String user) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT job_key FROM job_runs GROUP BY job_key HAVING COUNT(*) > 1 ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<String> nodes(String url, String user) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT node FROM job_effects ORDER BY node")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
