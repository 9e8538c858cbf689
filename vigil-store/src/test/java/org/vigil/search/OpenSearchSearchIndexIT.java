/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The search contract on a real three-node OpenSearch cluster on loopback (started once for the
 * class, stopped after it), a fresh index and alias per test, with two shards and one replica so
 * that the results must not depend on where the documents lie. Runs in {@code -Popensearch}.
 */
class OpenSearchSearchIndexIT extends SearchIndexContract {
  private static final AtomicInteger INDICES = new AtomicInteger();
  private static OpenSearchCluster cluster;

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

  @Override
  protected SearchIndex newIndex(SearchIndex.Resolver resolver) {
    return SearchIndex.openSearch(
        cluster.url(INDICES.get() % cluster.size()),
        "contract-" + INDICES.incrementAndGet(),
        2,
        1,
        resolver);
  }
}
