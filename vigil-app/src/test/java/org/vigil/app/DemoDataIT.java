/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.auth.PasswordHasher;
import org.vigil.model.Entity;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

class DemoDataIT {
  @TempDir Path dir;

  private final PasswordHasher cheap =
      new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom());

  @Test
  void loadingTwiceAddsNothingTheSecondTime() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      StringWriter first = new StringWriter();
      DemoData.load(store, cheap, Clock.systemUTC(), new PrintWriter(first));
      long statements = store.statements().count();
      long auditRows = store.audit().verify().checked();
      assertThat(statements).isPositive();
      assertThat(first.toString()).contains("analyst").contains("liaison");

      StringWriter second = new StringWriter();
      DemoData.load(store, cheap, Clock.systemUTC(), new PrintWriter(second));
      assertThat(store.statements().count()).isEqualTo(statements);
      // the analyst, the liaison officer, the customs officer and the tip handler, once each
      assertThat(store.accounts().users()).hasSize(4);
      assertThat(store.accounts().organizations()).hasSize(3);
      assertThat(store.audit().verify().checked()).isEqualTo(auditRows);
      assertThat(second.toString()).doesNotContain("passwords are shown");
    }
  }

  @Test
  void eachDemoUserSeesADifferentPicture() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      DemoData.load(store, cheap, Clock.systemUTC(), new PrintWriter(new StringWriter()));
      Viewer analyst = viewer(store, "analyst");
      Viewer liaison = viewer(store, "liaison");
      Viewer customs = viewer(store, "customs-officer");

      // The partner's AMBER report reaches its partner but not customs.
      assertThat(store.statements().entity("hezbollah", analyst)).isPresent();
      assertThat(store.statements().entity("hezbollah", customs)).isEmpty();
      // The home organisation's AMBER+STRICT assessment stays at home.
      assertThat(notes(store, "naji-zindashti", analyst)).isNotEmpty();
      assertThat(notes(store, "naji-zindashti", liaison)).isEmpty();
      // Public facts reach everyone.
      assertThat(store.statements().entity("esmaeil-khatib", customs)).isPresent();
    }
  }

  private static Viewer viewer(Store store, String username) {
    return store.accounts().viewer(store.accounts().userByName(username).orElseThrow());
  }

  private static java.util.List<String> notes(Store store, String id, Viewer viewer) {
    Optional<Entity> entity = store.statements().entity(id, viewer);
    return entity.map(e -> e.values("notes")).orElse(java.util.List.of());
  }
}
