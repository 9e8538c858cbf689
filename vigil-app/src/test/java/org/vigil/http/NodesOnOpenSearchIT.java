/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.http.ServeNodes.Node;
import org.vigil.search.OpenSearchCluster;

/**
 * The test topology (issue 19): two {@code vigil serve} nodes, each a JVM of its own from
 * the build's classpath, on one PostgreSQL (embedded binaries) and one 3-node OpenSearch cluster on
 * loopback (from Maven Central, {@code -Popensearch}; run as an unprivileged user when the tests
 * run as root), with no load balancer: requests alternate between the nodes.
 *
 * <p>A write on node A is in node B's search and graph within 2 s. One OpenSearch node is killed
 * (SIGKILL) in the middle of a run of writes sent alternately to both nodes while both keep
 * searching: every search answers, and every acknowledged write is found once the cluster has
 * placed its shards again. Then Vigil node A is killed (SIGKILL): node B answers A's session, its
 * searches and graph queries, and takes writes. Every process started here is stopped by its PID.
 */
class NodesOnOpenSearchIT {
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);
  private static final int WRITES = 60;
  private static final int KILL_AT = 20;

  private static final Duration START_WITHIN = Duration.ofSeconds(180);

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
  void nothingAcknowledgedIsLostWhenASearchNodeAndAVigilNodeAreKilled() throws Exception {
    assumeTrue(
        OpenSearchCluster.available(),
        "no OpenSearch distribution: this test runs with -Popensearch (as .ci/run does)");
    try (OpenSearchCluster cluster = OpenSearchCluster.start(3);
        ServeNodes.SharedDatabase db = nodes.onPostgres("a", "b")) {
      // each node talks to a cluster node of its own; the third is the one killed
      Node a = nodes.serve(db.config(), "a", searchOn(cluster.url(0)), START_WITHIN);
      Node b = nodes.serve(db.config(), "b", searchOn(cluster.url(1)), START_WITHIN);
      Client onA = new Client(a.base());
      assertThat(onA.login("alice", TestServer.PASSWORD).status()).isEqualTo(200);
      Client onB =
          new Client(b.base())
              .withCookie(onA.cookie().orElseThrow())
              .withCsrfToken(onA.csrfToken().orElseThrow());
      assertThat(onB.get("/me").status()).as("node A's session on node B").isEqualTo(200);

      aWriteOnAIsInBsSearchAndGraphWithinTwoSeconds(onA, onB);
      List<String> acknowledged = writesWhileASearchNodeIsKilled(cluster, onA, onB);
      cluster.awaitHealth("yellow", 2);
      assertThat(total(onB, "Kestrel"))
          .as("acknowledged writes found after the kill, of %d", acknowledged.size())
          .isEqualTo(acknowledged.size());
      assertThat(total(onA, "Kestrel")).isEqualTo(acknowledged.size());

      a.process().destroyForcibly(); // kill -9 of Vigil node A
      a.process().waitFor(30, TimeUnit.SECONDS);
      assertThat(onB.get("/me").status()).as("A's session, on B after A died").isEqualTo(200);
      assertThat(total(onB, "Kestrel")).isEqualTo(acknowledged.size());
      assertThat(onB.get("/graph/neighbours?entity=p-kestrel-0").body()).contains("o-kestrels");
      ObjectNode after = Bodies.write("src-after-a", "AMBER");
      Bodies.statement(after, "p-kestrel-after", "Person", "name", "Kestrel courier after");
      assertThat(onB.post("/statements", after.toString()).status()).isEqualTo(200);
      assertThat(total(onB, "Kestrel")).isEqualTo(acknowledged.size() + 1);
    }
  }

  private static void aWriteOnAIsInBsSearchAndGraphWithinTwoSeconds(Client onA, Client onB)
      throws InterruptedException {
    ObjectNode org = Bodies.write("src-kestrels", "AMBER");
    Bodies.statement(org, "o-kestrels", "Organization", "name", "Falconry network");
    assertThat(onA.post("/statements", org.toString()).status()).isEqualTo(200);
    assertThat(onB.get("/graph/neighbours?entity=o-kestrels").status())
        .as("node B builds its link index before the link exists")
        .isEqualTo(200);
    ObjectNode link = Bodies.write("src-kestrel-0", "AMBER");
    Bodies.statement(link, "p-kestrel-0", "Person", "name", "Kestrel courier 0");
    Bodies.statement(link, "m-kestrel-0", "Membership", "member", "p-kestrel-0");
    Bodies.statement(link, "m-kestrel-0", "Membership", "organization", "o-kestrels");
    Client.Reply written = onA.post("/statements", link.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    long at = System.nanoTime();
    long[] checked = new long[1];
    ServeNodes.awaitWithin(
        VISIBLE_WITHIN,
        () -> {
          checked[0] = System.nanoTime();
          return onB.search("Kestrel").body().contains("p-kestrel-0")
              && onB.get("/graph/neighbours?entity=o-kestrels").body().contains("p-kestrel-0");
        });
    long seenBy = (checked[0] - at) / 1_000_000;
    System.out.println(
        "node B's search and graph showed node A's write to the check sent "
            + seenBy
            + " ms after it (answered "
            + (System.nanoTime() - at) / 1_000_000
            + " ms after it)");
    assertThat(seenBy).as("ms from A's write to the request on B that showed it").isLessThan(2000);
  }

  /** Writes one person a request, alternately to A and B; kills a cluster node on the way. */
  private static List<String> writesWhileASearchNodeIsKilled(
      OpenSearchCluster cluster, Client onA, Client onB) throws InterruptedException {
    List<String> acknowledged = new ArrayList<>(List.of("p-kestrel-0"));
    int searches = 0;
    for (int i = 1; i <= WRITES; i++) {
      if (i == KILL_AT) {
        cluster.stopNode(2, true);
        System.out.println("OpenSearch node-2 killed (SIGKILL) after " + (i - 1) + " writes");
      }
      Client node = i % 2 == 0 ? onA : onB;
      ObjectNode body = Bodies.write("src-kestrel-" + i, "AMBER");
      Bodies.statement(body, "p-kestrel-" + i, "Person", "name", "Kestrel courier " + i);
      Client.Reply reply = node.post("/statements", body.toString());
      if (reply.status() == 200) {
        acknowledged.add("p-kestrel-" + i);
      } else {
        System.out.println(
            "write " + i + " not acknowledged: " + reply.status() + " " + reply.body());
      }
      Client.Reply search = (i % 2 == 0 ? onB : onA).search("Kestrel");
      assertThat(search.status()).as("a search during the writes: " + search.body()).isEqualTo(200);
      searches++;
    }
    System.out.println(
        acknowledged.size()
            + " writes acknowledged of "
            + (WRITES + 1)
            + "; "
            + searches
            + " searches answered 200");
    assertThat(acknowledged.size()).isGreaterThan(WRITES / 2);
    return acknowledged;
  }

  private static long total(Client client, String query) {
    Client.Reply reply = client.search(query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("total").asLong();
  }

  /** A node's search settings: the cluster node it talks to, 3 shards with 1 replica. */
  private static Map<String, String> searchOn(URI node) {
    return Map.of(
        "VIGIL_SEARCH_URL",
        node.toString(),
        "VIGIL_SEARCH_SHARDS",
        "3",
        "VIGIL_SEARCH_REPLICAS",
        "1");
  }
}
