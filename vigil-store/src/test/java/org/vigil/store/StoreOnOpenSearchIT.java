/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.store.Fixtures.green;
import static org.vigil.store.Fixtures.person;
import static org.vigil.store.Fixtures.source;
import static org.vigil.store.Fixtures.viewer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.search.OpenSearchCluster;
import org.vigil.search.SearchIndex;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;
import org.vigil.search.SearchUnavailableException;

/**
 * A store's search on a real three-node OpenSearch cluster (started once, stopped after the class):
 * an existing store's index moves there with the same hits, a store writes and searches there, and
 * the cluster loses no acknowledged write when a node dies during bulk indexing (that test runs
 * last, as it stops a node). Runs in {@code -Popensearch}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreOnOpenSearchIT {
  private static final Viewer SYSTEM = Viewer.system();
  private static OpenSearchCluster cluster;

  @TempDir Path dir;

  @BeforeAll
  static void startCluster() throws IOException, InterruptedException {
    cluster = OpenSearchCluster.start(3);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void anExistingStoresIndexMovesToOpenSearchWithTheSameHits() {
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")))) {
      Source open = green("src-open");
      Source strict = source("src-strict", Marking.of(Tlp.AMBER_STRICT, "org-a"));
      List<Statement> people = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        people.add(person("p-" + i, "Person " + i + (i % 7 == 0 ? " Sokolov" : ""), open));
      }
      store.statements().write(open, people);
      store.statements().write(strict, List.of(person("p-hidden", "Secret Sokolov", strict)));

      try (SearchIndex moved =
          SearchIndex.openSearch(cluster.url(), "moved", 3, 1, SearchIndex.Resolver.none())) {
        long count = store.reindexInto(moved);

        assertThat(count).isEqualTo(301);
        for (Viewer v : List.of(SYSTEM, viewer("u-a", "org-a"), viewer("u-b", "org-b"))) {
          for (String text : List.of("sokolov", "person 14", "\"person 21 sokolov\"", "nobody")) {
            SearchQuery q = new SearchQuery(text, Optional.empty(), 50);
            SearchResults lucene = store.search().search(q, v);
            SearchResults openSearch = moved.search(q, v);
            assertThat(ids(openSearch)).as("%s for %s", text, v).isEqualTo(ids(lucene));
            assertThat(openSearch.total()).isEqualTo(lucene.total());
            assertThat(openSearch.facets()).isEqualTo(lucene.facets());
          }
        }
        assertThat(
                moved
                    .search(new SearchQuery("secret", Optional.empty(), 10), viewer("u-b", "org-b"))
                    .total())
            .isZero();
      }
    }
  }

  @Test
  @Order(2)
  void aStoreOnOpenSearchIsSearchedThereByEveryNode() {
    StoreConfig config = StoreConfig.embedded(dir.resolve("data"));
    try (Store nodeA =
            Store.open(config, r -> SearchIndex.openSearch(cluster.url(0), "shared", 2, 1, r));
        SearchIndex nodeB =
            SearchIndex.openSearch(cluster.url(1), "shared", 2, 1, SearchIndex.Resolver.none())) {
      Source report = green("src-1");
      nodeA.statements().write(report, List.of(person("p-1", "Mikhail Orlov", report)));

      assertThat(ids(nodeA.search().search(new SearchQuery("orlov", Optional.empty(), 10), SYSTEM)))
          .containsExactly("p-1");
      assertThat(ids(nodeB.search(new SearchQuery("orlov", Optional.empty(), 10), SYSTEM)))
          .containsExactly("p-1");
    }
  }

  @Test
  @Order(3)
  void aClusterThatDoesNotAnswerIsUnavailableNotABug() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + port);

    assertThatThrownBy(
            () -> SearchIndex.openSearch(nowhere, "vigil", 1, 0, SearchIndex.Resolver.none()))
        .isInstanceOf(SearchUnavailableException.class)
        .hasMessageContaining("does not answer");
  }

  @Test
  @Order(4)
  void aNodeKilledDuringBulkIndexingLosesNoAcknowledgedWrite() throws InterruptedException {
    List<String> acknowledged = new ArrayList<>();
    int searchesAnswered = 0;
    try (SearchIndex index =
        SearchIndex.openSearch(cluster.url(0), "survivor", 3, 1, SearchIndex.Resolver.none())) {
      for (int batch = 0; batch < 40; batch++) {
        if (batch == 10) {
          cluster.stopNode(2, true); // kill -9 of a data node holding primaries and replicas
        }
        List<Entity> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          String id = "r-" + batch + "-" + i;
          ids.add(id);
          records.add(
              Entity.assemble(
                  id,
                  List.of(id),
                  List.of(
                      Statement.about(id, Schema.PERSON)
                          .set("name", "Survivor " + id)
                          .source("src-bulk")
                          .marking(Marking.of(Tlp.GREEN, "org-a"))
                          .build())));
        }
        try {
          index.update(records);
          acknowledged.addAll(ids); // only what the cluster acknowledged counts
        } catch (SearchUnavailableException | IllegalStateException e) {
          // a write the cluster refused while it reallocated shards is not acknowledged
        }
        if (batch > 10) {
          index.search(new SearchQuery("survivor", Optional.empty(), 10), SYSTEM);
          searchesAnswered++;
        }
      }
      cluster.awaitHealth("green", 2);

      List<String> stored = index.recordsCiting("src-bulk", SYSTEM, Integer.MAX_VALUE);
      assertThat(stored).containsAll(acknowledged);
      assertThat(acknowledged).hasSizeGreaterThan(30 * 50);
      assertThat(searchesAnswered).isEqualTo(29);
    }
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(SearchResults.Hit::entityId).toList();
  }
}
