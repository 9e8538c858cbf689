/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.documents.QueuedIngest;
import org.vigil.http.ServeNodes.Node;
import org.vigil.jobs.JobState;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.Store;

/**
 * Two {@code vigil serve} nodes, each a JVM of its own started from the build's classpath, on one
 * PostgreSQL (embedded binaries) and no load balancer: a session opened on node A works on node B;
 * a link written through A is in B's graph within 2 s; and node A killed with SIGKILL in the middle
 * of a queued ingest of 200 documents leaves every document stored exactly once, its jobs finished
 * by node B. Every process started here is stopped by its PID.
 */
class NodesOnOnePostgresIT {
  private static final int DOCUMENTS = 200;
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);
  private static final Duration BATCH_WITHIN = Duration.ofMinutes(6);
  private static final Duration START_WITHIN = Duration.ofSeconds(120);

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
  void anyNodeAnswersAnyRequestAndAKilledNodesIngestIsFinishedByTheOther() throws Exception {
    try (ServeNodes.SharedDatabase db = nodes.onPostgres("a", "b")) {
      Node a = nodes.serve(db.config(), "a", Map.of(), START_WITHIN);
      Node b = nodes.serve(db.config(), "b", Map.of(), START_WITHIN);

      Client onA = new Client(a.base());
      assertThat(onA.login("alice", TestServer.PASSWORD).status()).isEqualTo(200);
      Client onB = new Client(b.base()).withCookie(onA.cookie().orElseThrow());
      Client.Reply me = onB.get("/me");
      assertThat(me.status()).as("node A's session on node B").isEqualTo(200);
      assertThat(me.json().path("user").path("username").asText()).isEqualTo("alice");

      aLinkWrittenOnAIsInBsGraphWithinTwoSeconds(onA, onB);
      aKilledNodesIngestIsFinishedByTheOther(db, a, b);
    }
  }

  private void aLinkWrittenOnAIsInBsGraphWithinTwoSeconds(Client onA, Client onB)
      throws InterruptedException {
    ObjectNode first = Bodies.write("src-nodes-1", "AMBER");
    Bodies.statement(first, "p-naji", "Person", "name", "Naji Sharifi-Zindashti");
    assertThat(onA.post("/statements", first.toString()).status()).isEqualTo(200);
    assertThat(onB.get("/graph/neighbours?entity=p-naji").status())
        .as("node B builds its link index before the link exists")
        .isEqualTo(200);

    ObjectNode link = Bodies.write("src-nodes-2", "AMBER");
    Bodies.statement(link, "o-net", "Organization", "name", "Zindashti network");
    Bodies.statement(link, "m-naji-net", "Membership", "member", "p-naji");
    Bodies.statement(link, "m-naji-net", "Membership", "organization", "o-net");
    Client.Reply written = onA.post("/statements", link.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    long at = System.nanoTime();
    ServeNodes.awaitWithin(
        VISIBLE_WITHIN,
        () -> onB.get("/graph/neighbours?entity=p-naji").body().contains("\"o-net\""));
    System.out.println(
        "node B's graph answered node A's link after "
            + (System.nanoTime() - at) / 1_000_000
            + " ms");
  }

  private void aKilledNodesIngestIsFinishedByTheOther(ServeNodes.SharedDatabase db, Node a, Node b)
      throws Exception {
    Store store = db.store();
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    for (int i = 0; i < DOCUMENTS; i++) {
      Path file = inbox.resolve(String.format(Locale.ROOT, "report-%03d.txt", i));
      Files.writeString(
          file,
          "Report "
              + i
              + ". On day "
              + i
              + " the courier Reza Abbasi-"
              + i
              + " met an officer of the Ministry of Intelligence in Istanbul, according to source "
              + i
              + ".\n");
      store.jobs().enqueue(QueuedIngest.job(file, Marking.of(Tlp.AMBER, "org-a"), Reliability.C));
    }
    ServeNodes.awaitWithin(
        BATCH_WITHIN, () -> doneBy(db, a.name()) >= 10 || !a.process().isAlive());
    assertThat(a.process().isAlive()).as("node A ingests").isTrue();
    a.process().destroyForcibly(); // kill -9 in the middle of the batch
    a.process().waitFor(30, TimeUnit.SECONDS);
    long doneByA = doneBy(db, a.name());
    assertThat(doneByA).isLessThan(DOCUMENTS);

    ServeNodes.awaitWithin(
        BATCH_WITHIN,
        () ->
            store.jobs().list(JobState.DONE, DOCUMENTS * 2).stream()
                    .filter(j -> j.kind().equals(QueuedIngest.KIND))
                    .count()
                == DOCUMENTS);
    assertThat(store.jobs().counts()).containsEntry(JobState.PARKED, 0L);
    assertThat(db.count("SELECT COUNT(*) FROM documents")).isEqualTo(DOCUMENTS);
    assertThat(db.count("SELECT COUNT(DISTINCT content_hash) FROM documents")).isEqualTo(DOCUMENTS);
    Map<String, Long> byNode = ingestJobsByNode(db);
    assertThat(byNode.keySet()).containsExactlyInAnyOrder(a.name(), b.name());
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM jobs WHERE kind = 'ingest' AND attempts > 1 AND node <> '"
                    + b.name()
                    + "'"))
        .as("every job run again after the kill was finished by node B")
        .isZero();
    System.out.println("ingest jobs finished per node after the kill: " + byNode);
  }

  private static long doneBy(ServeNodes.SharedDatabase db, String node) {
    return db.count(
        "SELECT COUNT(*) FROM jobs WHERE kind = 'ingest' AND state = 'done' AND node = '"
            + node
            + "'");
  }

  private static Map<String, Long> ingestJobsByNode(ServeNodes.SharedDatabase db)
      throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT node, COUNT(*) FROM jobs WHERE kind = 'ingest' GROUP BY node")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }
}
