/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.screening.ScreeningQuery;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ReleaseManifest;

/** The demo's bundled lists: loaded on the first start, left alone on the next. */
class DemoListsIT {
  @TempDir Path data;

  @Test
  void bundledListsAreLoadedOnceAndScreenedOffline() throws Exception {
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      StringWriter first = new StringWriter();
      DemoData.loadLists(store, data, Clock.systemUTC(), new PrintWriter(first, true));
      assertThat(first.toString())
          .contains("Loaded OFAC SDN 2026-08-20: 19249 entries")
          .contains("Loaded UN Security Council Consolidated 2026-02-27")
          .contains("Indexed");

      StringWriter second = new StringWriter();
      DemoData.loadLists(store, data, Clock.systemUTC(), new PrintWriter(second, true));
      assertThat(second.toString()).contains("Unchanged OFAC SDN").doesNotContain("Indexed");
    }
    ListLibrary library = ListLibrary.in(data);
    assertThat(library.current())
        .extracting(ReleaseManifest::datasetKey)
        .containsExactly("ofac-sdn", "un-security-council-consolidated");
    List<?> matches =
        ListScreening.over(library)
            .current()
            .screener()
            .screen(ScreeningQuery.of("Qasem Soleimani"))
            .matches();
    assertThat(matches).hasSizeGreaterThanOrEqualTo(2);
  }
}
