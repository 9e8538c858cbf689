/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.auth.PasswordHasher;
import org.vigil.documents.QueuedIngest;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobRequest;
import org.vigil.jobs.JobState;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.tips.triage.TipTriageSweep;

/**
 * Clock skew between nodes: two {@code vigil serve} JVMs on one PostgreSQL, node A's clock a day
 * ahead and node B's 20 minutes behind (Debian's libfaketime, package {@code faketime}, preloaded
 * into each node's JVM; the database and this test keep the machine's clock). The queue counts
 * every due time, back-off and lease on the database's clock, so: a job that always fails is
 * retried with its back-offs (at least 75 s by the database's clock from its first attempt to its
 * parking, not at once), then parked with its error; documents being ingested are not taken from
 * the node running them (each ingested once, in one attempt); and the periodic jobs' keys are the
 * database's periods, never a period a day away. Sessions and API tokens are dated by the
 * database's clock too: signing in on the node a day ahead does not end a session opened on the
 * other, a session or token opened on one node is taken by the other, and sessions end when they
 * have been unused for the idle timeout by the database's clock, on both nodes. Every process
 * started here is stopped by its PID.
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
  void theQueueAndTheSignInsKeepTheDatabasesTimeWhenTheNodesClocksDisagree() throws Exception {
    if ("true".equals(System.getenv("CI"))) {
      assertThat(LIBFAKETIME).as("Debian's faketime package (.ci/run installs it)").exists();
    }
    assumeTrue(
        Files.exists(LIBFAKETIME),
        "no libfaketime (Debian package faketime): this test skews the nodes' clocks with it");
    try (ServeNodes.SharedDatabase db = nodes.onPostgres("a", "b")) {
      Store store = db.store();
      store
          .accounts()
          .createUser(
              "bruno", "org-a", Role.ANALYST, PasswordHasher.standard().hash(TestServer.PASSWORD));
      Instant first = store.jobs().now();
      List<String> idle = List.of("--session-idle", "1");
      ServeNodes.Node a = nodes.serve(db.config(), "a", skewed("+1d"), idle, START_WITHIN);
      ServeNodes.Node b = nodes.serve(db.config(), "b", skewed("-20m"), idle, START_WITHIN);
      assertThat(Duration.between(store.jobs().now(), nodeTime(a)))
          .as("node A's clock (its Date header) runs a day ahead")
          .isGreaterThan(Duration.ofHours(23));
      assertThat(Duration.between(store.jobs().now(), nodeTime(b)))
          .as("node B's clock (its Date header) runs 20 minutes behind")
          .isLessThan(Duration.ofMinutes(-19));

      Path missing = dir.resolve("missing.txt");
      Files.writeString(missing, "A report that is gone before it is ingested.\n");
      JobRequest failing = QueuedIngest.job(missing, Marking.of(Tlp.AMBER, "org-a"), Reliability.C);
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

      // while the queue works: sessions and tokens on the database's clock
      signInsAreDatedByTheDatabasesClock(db, a, b);

      ServeNodes.awaitWithin(
          PARKED_WITHIN,
          () -> stateOf(store, failing) == JobState.PARKED && allDone(store, documents));
      Job parked = store.jobs().find(failing.kind(), failing.key()).orElseThrow();
      assertThat(parked.attempts()).isEqualTo(5);
      assertThat(parked.lastError().orElseThrow()).contains("missing.txt");
      double seconds = queuedToFinished(db, failing);
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
      assertThat(db.count("SELECT COUNT(*) FROM documents")).isEqualTo(DOCUMENTS);

      long firstPeriod = first.getEpochSecond() / 15;
      long lastPeriod = store.jobs().now().getEpochSecond() / 15;
      List<Long> periods = triagePeriods(db);
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

  /**
   * Alice signs in on node B (20 minutes behind), then Bruno on node A (a day ahead), whose sign-in
   * deletes the sessions that have expired: Alice's is not among them, and both nodes take it. A
   * token Alice issues on B for a day works on A. Both sessions are dated by the database's clock,
   * and both end on both nodes once they have been unused for a minute (the nodes' idle timeout) by
   * the database's clock.
   */
  private static void signInsAreDatedByTheDatabasesClock(
      ServeNodes.SharedDatabase db, ServeNodes.Node a, ServeNodes.Node b) throws Exception {
    Client aliceOnB = new Client(b.base());
    assertThat(aliceOnB.login("alice", TestServer.PASSWORD).status()).isEqualTo(200);
    Client aliceOnA =
        new Client(a.base())
            .withCookie(aliceOnB.cookie().orElseThrow())
            .withCsrfToken(aliceOnB.csrfToken().orElseThrow());
    Client brunoOnA = new Client(a.base());
    assertThat(brunoOnA.login("bruno", TestServer.PASSWORD).status()).isEqualTo(200);
    Client brunoOnB = new Client(b.base()).withCookie(brunoOnA.cookie().orElseThrow());

    assertThat(db.count("SELECT COUNT(*) FROM sessions"))
        .as("node A's sign-in left node B's session in place")
        .isEqualTo(2);
    assertThat(aliceOnB.get("/me").status()).as("Alice's session on B, after A's").isEqualTo(200);
    assertThat(aliceOnA.get("/me").status()).as("Alice's session (from B) on A").isEqualTo(200);
    assertThat(brunoOnB.get("/me").status()).as("Bruno's session (from A) on B").isEqualTo(200);
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM sessions WHERE created_at BETWEEN CURRENT_TIMESTAMP"
                    + " - INTERVAL '5' MINUTE AND CURRENT_TIMESTAMP AND expires_at BETWEEN"
                    + " created_at + INTERVAL '479' MINUTE AND created_at + INTERVAL '481'"
                    + " MINUTE"))
        .as("both sessions began and end (8 hours on) by the database's clock")
        .isEqualTo(2);

    Client.Reply issued = aliceOnB.post("/me/tokens", "{\"label\": \"skew\", \"days\": 1}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    Client tokenOnA = new Client(a.base()).withBearer(issued.json().path("token").asText());
    assertThat(tokenOnA.get("/me").status())
        .as("a token issued on B for a day, on A (a day ahead)")
        .isEqualTo(200);
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM api_tokens WHERE expires_at BETWEEN CURRENT_TIMESTAMP"
                    + " + INTERVAL '23' HOUR AND CURRENT_TIMESTAMP + INTERVAL '24' HOUR"))
        .as("the token ends a day on by the database's clock")
        .isOne();

    // unused for more than the idle minute by the database's clock (last used at sign-in)
    ServeNodes.awaitWithin(
        Duration.ofMinutes(3),
        () ->
            db.count(
                    "SELECT COUNT(*) FROM sessions"
                        + " WHERE last_seen_at > CURRENT_TIMESTAMP - INTERVAL '65' SECOND")
                == 0);
    assertThat(aliceOnA.get("/me").status()).as("Alice's idle session on A").isEqualTo(401);
    assertThat(brunoOnB.get("/me").status()).as("Bruno's idle session on B").isEqualTo(401);
    assertThat(aliceOnB.get("/me").status()).as("Alice's idle session on B").isEqualTo(401);
    assertThat(brunoOnA.get("/me").status()).as("Bruno's idle session on A").isEqualTo(401);
    assertThat(tokenOnA.get("/me").status()).as("the token, which has no idle time").isEqualTo(200);
  }

  /** The node's own time: the {@code Date} header of its answer (its machine's clock). */
  private static Instant nodeTime(ServeNodes.Node node) {
    Client.Reply reply = new Client(node.base()).get("/health");
    String date = reply.header("Date").orElseThrow(() -> new AssertionError("no Date header"));
    return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
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

  private static JobState stateOf(Store store, JobRequest request) {
    return store.jobs().find(request.kind(), request.key()).map(Job::state).orElseThrow();
  }

  private static boolean allDone(Store store, List<JobRequest> requests) {
    return requests.stream().allMatch(r -> stateOf(store, r) == JobState.DONE);
  }

  private static List<Long> triagePeriods(ServeNodes.SharedDatabase db) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = db.connect();
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
  private static double queuedToFinished(ServeNodes.SharedDatabase db, JobRequest job)
      throws SQLException {
    try (Connection c = db.connect();
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
}
