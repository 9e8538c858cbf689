/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * The search contract on a real three-node OpenSearch cluster on loopback (started once for the
 * class, stopped after it), a fresh index and alias per test, with two shards and one replica so
 * that the results must not depend on where the documents lie. Runs in {@code -Popensearch}.
 */
class OpenSearchSearchIndexIT extends SearchIndexContract {
  private static final AtomicInteger INDICES = new AtomicInteger();
  private static final long RUN = System.currentTimeMillis();
  private static OpenSearchCluster cluster;

  /**
   * The nodes of a cluster already running, comma-separated ({@code -Dopensearch.it.urls=...}), to
   * run the contract on when starting three more nodes would not fit the machine; empty: the test
   * starts its own.
   */
  private static List<URI> given = List.of();

  @BeforeAll
  static void startCluster() throws IOException, InterruptedException {
    String urls = System.getProperty("opensearch.it.urls", "");
    if (!urls.isBlank()) {
      given = Arrays.stream(urls.split(",")).map(String::trim).map(URI::create).toList();
      return;
    }
    cluster = OpenSearchCluster.start(3);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected SearchIndex newIndex(SearchIndex.Resolver resolver) {
    int node = INDICES.get();
    return SearchIndex.openSearch(
        given.isEmpty() ? cluster.url(node % cluster.size()) : given.get(node % given.size()),
        "contract-" + RUN + "-" + INDICES.incrementAndGet(),
        2,
        1,
        resolver);
  }

  /**
   * On a cluster, a re-index runs while the nodes keep writing. The rebuild may have read a record
   * before an analyst marked it stricter and write that older reading after the update: the update
   * must still win in the new index, or the record would stay visible under its old marking.
   */
  @Test
  void aRecordMarkedStricterDuringARebuildIsNotLeftUnderItsOldMarking() {
    Marking green = Marking.of(Tlp.GREEN, "org-a");
    Marking strict = Marking.of(Tlp.AMBER_STRICT, "org-a");
    Viewer partner = Viewer.of("u-b", "u-b", "org-b", Set.of(), Role.ANALYST);
    Viewer owner = Viewer.of("u-a", "u-a", "org-a", Set.of(), Role.ANALYST);
    try (SearchIndex index = newIndex(alone())) {
      index.update(List.of(person("p-1", "Olga Petrova", green)));

      index.rebuild(
          sink -> {
            Entity readBeforeTheUpdate = person("p-1", "Olga Petrova", green);
            index.update(List.of(person("p-1", "Olga Petrova", strict)));
            sink.accept(readBeforeTheUpdate);
            sink.accept(person("p-2", "Ivan Petrov", green));
          });

      assertThat(index.search(new SearchQuery("petrova", Optional.empty(), 10), partner).total())
          .as("the partner, who could read the record only under its old marking")
          .isZero();
      assertThat(index.search(new SearchQuery("petrova", Optional.empty(), 10), owner).hits())
          .singleElement()
          .satisfies(h -> assertThat(h.markings()).containsExactly("TLP:AMBER+STRICT"));
      assertThat(index.search(new SearchQuery("petrov", Optional.empty(), 10), partner).total())
          .isEqualTo(1);
    }
  }

  /**
   * A cluster with no more data nodes than an index's replicas can never be green (a replica is
   * never placed beside its primary): the rebuild must not wait for green in vain, but say so and
   * swap once every primary is placed, as on the single-node test clusters.
   */
  @Test
  void aRebuildOnAClusterTooSmallForItsReplicasSwapsOnceYellow() {
    int nodes = given.isEmpty() ? cluster.size() : given.size();
    URI url = given.isEmpty() ? cluster.url(0) : given.get(0);
    Viewer partner = Viewer.of("u-b", "u-b", "org-b", Set.of(), Role.ANALYST);
    try (SearchIndex index = SearchIndex.openSearch(url, "too-few-" + RUN, 1, nodes, alone())) {
      long count =
          index.rebuild(
              sink -> sink.accept(person("p-1", "Olga Petrova", Marking.of(Tlp.GREEN, "org-a"))));

      assertThat(count).isEqualTo(1);
      assertThat(index.search(new SearchQuery("petrova", Optional.empty(), 10), partner).total())
          .isEqualTo(1);
    }
  }

  private static Entity person(String id, String name, Marking marking) {
    Statement name1 =
        Statement.about(id, Schema.PERSON)
            .set("name", name)
            .source("src-1")
            .marking(marking)
            .seen(Instant.parse("2026-01-01T00:00:00Z"))
            .build();
    return Entity.assemble(id, List.of(id), List.of(name1));
  }

  private static SearchIndex.Resolver alone() {
    return new SearchIndex.Resolver() {
      @Override
      public String canonicalId(String recordId, Viewer viewer) {
        return recordId;
      }

      @Override
      public Set<String> members(String recordId, Viewer viewer) {
        return Set.of(recordId);
      }

      @Override
      public Set<String> clustered(Viewer viewer) {
        return Set.of();
      }
    };
  }
}
