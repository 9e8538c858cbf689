/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.evaluation.SyntheticCase;
import org.vigil.places.Geocoding;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

class CaseMapAllEntitiesIT {
  @TempDir Path dir;

  @Test
  void theMapOfA500EntityCasePlacesTheBirthPlacesOfAllItsEntitiesNotJustTheFirstHundred() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      String caseId = SyntheticCase.create(store, Clock.systemUTC(), true);
      Viewer owner =
          store.accounts().viewer(store.accounts().userByName(SyntheticCase.OWNER).orElseThrow());
      CaseView view = new Cases(store, Clock.systemUTC()).view(caseId, owner).orElseThrow();

      assertThat(view.entities()).hasSize(500);
      assertThat(view.places()).hasSize(500);
      assertThat(view.places()).allMatch(l -> l.geocoding() instanceof Geocoding.Placed);
      assertThat(view.places())
          .extracting(CaseView.Located::entityId)
          .contains("bench-person-0", "bench-person-250", "bench-person-499");
    }
  }
}
