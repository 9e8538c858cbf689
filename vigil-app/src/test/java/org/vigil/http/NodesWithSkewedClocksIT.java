/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.documents.QueuedIngest;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobRequest;
import org.vigil.jobs.JobState;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.tips.triage.TipTriageSweep;

/**
 * Clock skew between nodes: two {@code vigil serve} JVMs on one PostgreSQL, node A's clock a day
 * ahead and node B's 20 minutes behind (Debian's libfaketime, package {@code faketime}, preloaded
 * into each node's JVM; the database and this test keep the machine's clock). The queue counts
 * every due time, back-off and lease on the database's clock, so: a job that always fails is
 * retried with its back-offs (at least 75 s by the database's clock from its first attempt to its
 * parking, not at once), then parked with its error; documents being ingested are not taken from
 * the node running them (each ingested once, in one attempt); and the periodic jobs' keys are the
 * database's periods, never a period a day away. Every process started here is stopped by its PID.
 */
class NodesWithSkewedClocksIT {
  static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
  private static final int DOCUMENTS = 4;
  private static final Duration START_WITHIN = Duration.ofSeconds(120);
  private static final Duration PARKED_WITHIN = Duration.ofMinutes(10);

  /** The back-offs before attempts 2 to 5 (5, 10, 20 and 40 s: the runner's defaults). */
  private static final Duration BACKOFFS = Duration.ofSeconds(5 + 10 + 20 + 40);

  @TempDir Path dir;
  private ServeNodes nodes;

  @BeforeEach
  void nodes() {
    nodes = new ServeNodes(dir);
  }

  @AfterEach
  void stopEveryNode() throws InterruptedException {
    nodes.close();
  }

  @Test
  void theQueueKeepsTheDatabasesTimeWhenTheNodesClocksDisagree() throws Exception {
    if ("true".equals(System.getenv("CI"))) {
      assertThat(LIBFAKETIME).as("Debian's faketime package (.ci/run installs it)").exists();
    }
    assumeTrue(
        Files.exists(LIBFAKETIME),
        "no libfaketime (Debian package faketime): this test skews the nodes' clocks with it");
    try (EmbeddedPostgres postgres = RootlessPostgres.start()) {
      StoreConfig config = RootlessPostgres.freshDatabase(postgres, dir.resolve("setup"));
      try (Store store = Store.open(config)) {
        nodes.prepare(store, config, "a", "b");
        Instant first = store.jobs().now();
        ServeNodes.Node a = nodes.serve(config, "a", skewed("+1d"), START_WITHIN);
        ServeNodes.Node b = nodes.serve(config, "b", skewed("-20m"), START_WITHIN);
        // a session's creation is stamped by the node's own clock (Instant.now()): B signs in
        // first, since A's sign-in, a day ahead, purges every session it takes for expired
        assertThat(Duration.between(first, signedInAt(config, b)))
            .as("node B's clock runs 20 minutes behind")
            .isLessThan(Duration.ofMinutes(-19));
        assertThat(Duration.between(first, signedInAt(config, a)))
            .as("node A's clock runs a day ahead")
            .isGreaterThan(Duration.ofHours(23));

        Path missing = dir.resolve("missing.txt");
        Files.writeString(missing, "A report that is gone before it is ingested.\n");
        JobRequest failing =
            QueuedIngest.job(missing, Marking.of(Tlp.AMBER, "org-a"), Reliability.C);
        Files.delete(missing);
        store.jobs().enqueue(failing);
        List<JobRequest> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
          Path file = dir.resolve(String.format(Locale.ROOT, "report-%d.txt", i));
          Files.writeString(
              file,
              "Report "
                  + i
                  + ". The courier Reza Abbasi-"
                  + i
                  + " met an officer of the Ministry of Intelligence in Istanbul.\n");
          documents.add(QueuedIngest.job(file, Marking.of(Tlp.AMBER, "org-a"), Reliability.C));
        }
        documents.forEach(store.jobs()::enqueue);

        ServeNodes.awaitWithin(
            PARKED_WITHIN,
            () -> stateOf(store, failing) == JobState.PARKED && allDone(store, documents));
        Job parked = store.jobs().find(failing.kind(), failing.key()).orElseThrow();
        assertThat(parked.attempts()).isEqualTo(5);
        assertThat(parked.lastError().orElseThrow()).contains("missing.txt");
        double seconds = queuedToFinished(config, failing);
        System.out.println(
            "the failing job was parked after 5 attempts, "
                + seconds
                + " s by the database's clock after it was queued");
        assertThat(seconds)
            .as("its back-offs were waited out on the database's clock")
            .isGreaterThanOrEqualTo(BACKOFFS.toSeconds());

        for (JobRequest d : documents) {
          Job done = store.jobs().find(d.kind(), d.key()).orElseThrow();
          assertThat(done.attempts()).as("ingested in one attempt, no lease taken early").isOne();
        }
        assertThat(single(config, "SELECT COUNT(*) FROM documents")).isEqualTo(DOCUMENTS);

        long firstPeriod = first.getEpochSecond() / 15;
        long lastPeriod = store.jobs().now().getEpochSecond() / 15;
        List<Long> periods = triagePeriods(config);
        System.out.println(
            "tip-triage periods queued: "
                + periods
                + " (the database's: "
                + firstPeriod
                + " to "
                + lastPeriod
                + ")");
        assertThat(periods)
            .as("the periodic job's keys are the database's periods")
            .isNotEmpty()
            .doesNotHaveDuplicates()
            .allMatch(p -> p >= firstPeriod && p <= lastPeriod);
      }
    }
  }

  /**
   * The environment that runs a node's JVM with its clock moved by {@code offset} (libfaketime's
   * syntax). Its monotonic clock moves with it, and libfaketime's fix for waits on it is on:
   * without it the JVM hangs at its start.
   */
  static Map<String, String> skewed(String offset) {
    return Map.of(
        "LD_PRELOAD",
        LIBFAKETIME.toString(),
        "FAKETIME",
        offset,
        "FAKETIME_FORCE_MONOTONIC_FIX",
        "1");
  }

  /** Signs alice in on {@code node}; the creation time it stamped on the newest session. */
  private static Instant signedInAt(StoreConfig config, ServeNodes.Node node) throws SQLException {
    assertThat(new Client(node.base()).login("alice", TestServer.PASSWORD).status()).isEqualTo(200);
    try (Connection c = connect(config);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(created_at) FROM sessions")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }

  private static JobState stateOf(Store store, JobRequest request) {
    return store.jobs().find(request.kind(), request.key()).map(Job::state).orElseThrow();
  }

  private static boolean allDone(Store store, List<JobRequest> requests) {
    return requests.stream().allMatch(r -> stateOf(store, r) == JobState.DONE);
  }

  private static List<Long> triagePeriods(StoreConfig config) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = connect(config);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT job_key FROM jobs WHERE kind = '"
                    + TipTriageSweep.JOB
                    + "' ORDER BY job_key")) {
      while (rs.next()) {
        out.add(Long.parseLong(rs.getString(1).substring("period-".length())));
      }
    }
    return out;
  }

  /** Seconds from the job's creation to its end, both stamped by the database's clock. */
  private static double queuedToFinished(StoreConfig config, JobRequest job) throws SQLException {
    try (Connection c = connect(config);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT EXTRACT(EPOCH FROM finished_at - created_at) FROM jobs"
                    + " WHERE kind = ? AND job_key = ?")) {
      ps.setString(1, job.kind());
      ps.setString(2, job.key());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  private static double single(StoreConfig config, String sql) throws SQLException {
    try (Connection c = connect(config);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  private static Connection connect(StoreConfig config) throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.user().orElseThrow(), "");
  }
}
