/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.background.IndexCatchUp;
import org.vigil.jobs.JobState;
import org.vigil.search.OpenSearchCluster;
import org.vigil.search.SearchIndex;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The search cluster goes away and comes back while a node runs: writes are stored meanwhile and
 * acknowledged, searches answer a clear 503, and once the cluster is back the node's periodic
 * catch-up ({@link IndexCatchUp}, a job on the queue) indexes what was written, with no restart and
 * no {@code vigil reindex}. The outage is real: the cluster's only node is stopped and started
 * again on its data. Runs in {@code -Popensearch}.
 */
class SearchClusterOutageIT {
  /** A catch-up period, plus its bound on the journal's age, plus time for a loaded machine. */
  private static final Duration CAUGHT_UP_WITHIN =
      IndexCatchUp.EVERY.plus(IndexCatchUp.OLDER_THAN).plus(Duration.ofMinutes(2));

  @TempDir Path dir;

  @Test
  void writesMadeWhileTheClusterIsDownBecomeSearchableWhenItReturnsWithoutARestart()
      throws Exception {
    assumeTrue(
        OpenSearchCluster.available(),
        "no OpenSearch distribution: this test runs with -Popensearch (as .ci/run does)");
    try (OpenSearchCluster cluster = OpenSearchCluster.start(1);
        TestServer server =
            TestServer.over(
                Store.open(
                    StoreConfig.embedded(dir),
                    r -> SearchIndex.openSearch(cluster.url(), "outage", 1, 0, r)))) {
      server.org("org-a");
      server.user("alice", "org-a", Role.ANALYST);
      Client alice = server.client().signedIn("alice");
      assertThat(write(alice, "p-before", "Kestrel courier before").status()).isEqualTo(200);
      assertThat(alice.search("Kestrel").json().path("total").asInt()).isEqualTo(1);

      cluster.stopNode(0, false);
      Client.Reply during = write(alice, "p-during", "Kestrel courier during");
      assertThat(during.status())
          .as("a write while the cluster is down: " + during.body())
          .isEqualTo(200);
      Client.Reply search = alice.search("Kestrel");
      assertThat(search.status()).as(search.body()).isEqualTo(503);
      assertThat(search.errorCode()).isEqualTo("search_unavailable");
      assertThat(search.header("Retry-After")).contains("5");
      assertThat(alice.get("/entities/p-during").status())
          .as("the statements are stored regardless")
          .isEqualTo(200);
      assertThat(server.store.documents().unindexedEntities()).contains("p-during");
      Client.Reply notReady = server.client().get("/health/ready");
      assertThat(notReady.status())
          .as("a node whose search cluster is away is not ready: " + notReady.body())
          .isEqualTo(503);
      assertThat(notReady.json().path("status").asText()).isEqualTo("not_ready");
      assertThat(notReady.json().path("search").path("engine").asText()).isEqualTo("opensearch");
      assertThat(notReady.json().path("search").path("status").asText()).isEqualTo("unreachable");
      assertThat(notReady.json().path("store").path("status").asText()).isEqualTo("ok");

      cluster.startNode(0);
      cluster.awaitHealth("green", 1);
      Instant back = Instant.now();
      Client.Reply ready = server.client().get("/health/ready");
      assertThat(ready.status()).as("ready again: " + ready.body()).isEqualTo(200);
      assertThat(ready.json().path("search").path("status").asText()).isEqualTo("green");
      int total = 0;
      while (Instant.now().isBefore(back.plus(CAUGHT_UP_WITHIN)) && total < 2) {
        Client.Reply r = alice.search("Kestrel");
        total = r.status() == 200 ? r.json().path("total").asInt() : 0;
        if (total < 2) {
          Thread.sleep(2000);
        }
      }
      System.out.println(
          "search found the write made during the outage "
              + Duration.between(back, Instant.now()).toSeconds()
              + " s after the cluster was green again");
      assertThat(total).as("both writes found, on the same running node").isEqualTo(2);
      assertThat(server.store.documents().unindexedEntities()).isEmpty();
      assertThat(server.store.jobs().list(JobState.PARKED, 100))
          .as("an outage parks no catch-up job")
          .noneMatch(j -> j.kind().equals(IndexCatchUp.KIND));
    }
  }

  private static Client.Reply write(Client client, String id, String name) {
    ObjectNode body = Bodies.write("src-" + id, "GREEN");
    Bodies.statement(body, id, "Person", "name", name);
    return client.post("/statements", body.toString());
  }
}
