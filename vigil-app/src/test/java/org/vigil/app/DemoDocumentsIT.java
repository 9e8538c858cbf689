/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.auth.PasswordHasher;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/** The demo's bundled reports: ingested on the first start, left alone on the next. */
class DemoDocumentsIT {
  @TempDir Path dir;

  @Test
  void theDemoReportsAreIngestedOnceAndSeenByEveryDemoUser() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      DemoData.load(
          store,
          new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom()),
          Clock.systemUTC(),
          new PrintWriter(new StringWriter()));
      StringWriter first = new StringWriter();
      DemoData.loadDocuments(store, Clock.systemUTC(), new PrintWriter(first));
      assertThat(first.toString()).contains("Ingested 4 demo reports.");
      long statements = store.statements().count();

      StringWriter second = new StringWriter();
      DemoData.loadDocuments(store, Clock.systemUTC(), new PrintWriter(second));

      long demoSources = store.documents().count() - DemoData.BUNDLED_DOCUMENTS.size();
      // The demo's five hand-written sources (the OFAC designation, the MOIS profile, the partner's
      // report, the CTIC assessment, the summary of public reporting on the sanctions and MOIS).
      assertThat(demoSources).isEqualTo(5);
      assertThat(store.statements().count()).isEqualTo(statements);
      assertThat(second.toString()).isEmpty();
      List<String> ids = new ArrayList<>();
      store.documents().scanTexts((id, text) -> ids.add(id));
      Viewer customs =
          Viewer.of("u-customs", "customs-officer", DemoData.OTHER_ORG, Set.of(), Role.VIEWER);
      List<String> names = new ArrayList<>();
      for (String id : ids) {
        Document d = store.documents().document(id, Viewer.system()).orElseThrow();
        if (DemoData.BUNDLED_DOCUMENTS.contains(d.fileName())) {
          assertThat(store.documents().document(id, customs)).isPresent();
          names.add(d.fileName());
        }
      }
      assertThat(names).containsExactlyInAnyOrderElementsOf(DemoData.BUNDLED_DOCUMENTS);
    }
  }
}
