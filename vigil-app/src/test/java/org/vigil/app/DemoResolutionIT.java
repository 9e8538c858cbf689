/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.auth.PasswordHasher;
import org.vigil.model.Entity;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListScreening;

/** The demo after resolution: one Esmaeil Khatib, not the analyst's and the report's apart. */
class DemoResolutionIT {
  @TempDir Path dir;

  @Test
  void theDemoShowsOneEsmaeilKhatib() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      PrintWriter quiet = new PrintWriter(new StringWriter());
      DemoData.load(
          store,
          new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom()),
          Clock.systemUTC(),
          quiet);
      DemoData.loadDocuments(store, Clock.systemUTC(), quiet);
      assertThat(khatibs(store)).hasSizeGreaterThan(1);

      ResolutionRun.Outcome outcome =
          new ResolutionRun(ListScreening.none(), 0.85, Clock.systemUTC()).run(store);

      assertThat(outcome.resolution().merges()).isNotEmpty();
      Set<String> canonical = new HashSet<>();
      for (String id : khatibs(store)) {
        canonical.add(store.statements().entity(id, Viewer.system()).map(Entity::id).orElseThrow());
      }
      assertThat(canonical).hasSize(1);
      assertThat(
              store
                  .search()
                  .search(
                      new org.vigil.search.SearchQuery(
                          "Esmaeil Khatib", java.util.Optional.empty(), 10),
                      Viewer.system())
                  .hits())
          .filteredOn(h -> h.caption().equals("Esmaeil Khatib"))
          .hasSize(1);
    }
  }

  private static Set<String> khatibs(Store store) {
    Set<String> ids = new HashSet<>();
    store
        .statements()
        .scanEntities(
            e -> {
              if (e.values("name").contains("Esmaeil Khatib")) {
                ids.add(e.id());
              }
            });
    return ids;
  }
}
