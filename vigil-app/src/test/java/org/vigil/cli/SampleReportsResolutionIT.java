/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Statement;
import org.vigil.resolve.Judgement;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * Issue 5's resolution "done when", on real data: the bundled OFAC SDN and UN lists loaded, the
 * three sample reports from ../shared/data/reports ingested (never copied into the project), and
 * then MOIS, IRGC and an undo checked in the store. Skips when the shared data is absent.
 */
class SampleReportsResolutionIT {
  private static final Path REPORTS =
      Path.of(System.getProperty("vigil.sharedData", "../../shared/data"), "reports");

  @TempDir Path dir;

  @Test
  void listsAndSampleReportsResolveAsTheIssueAsks() throws IOException {
    assumeTrue(Files.isDirectory(REPORTS), "the shared sample reports are not at " + REPORTS);
    Path data = dir.resolve("data");
    List<String> load = new ArrayList<>(List.of("lists", "load", "--data", data.toString()));
    for (String name : List.of("ofac-sdn.json.gz", "UN_consolidated_2026-02-27.xml.gz")) {
      Path file = dir.resolve(name);
      try (InputStream in = getClass().getResourceAsStream("/org/vigil/app/lists/" + name)) {
        Files.copy(in, file);
      }
      load.add(file.toString());
    }
    CliRunner.Run loaded = CliRunner.vigil(load.toArray(String[]::new));
    assertThat(loaded.code()).as(loaded.err()).isZero();

    CliRunner.Run ingested =
        CliRunner.vigil("ingest", "--data", data.toString(), REPORTS.toString());

    assertThat(ingested.code()).as(ingested.err()).isZero();
    assertThat(ingested.out()).contains("merged by the machine").contains("possible list matches");

    Judgement undoable;
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      Set<String> mois = named(store, "MOIS", "Ministry of Intelligence and Security");
      assertThat(mois).isNotEmpty();
      assertThat(canonical(store, mois)).hasSize(1);
      String moisId = mois.iterator().next();
      boolean mergedWithOfac =
          store
              .judgements()
              .canonicalId("ofac-sdn-12111", Viewer.system())
              .equals(canonicalOf(store, moisId));
      boolean possibleMatch =
          store.judgements().members(moisId, Viewer.system()).stream()
              .flatMap(m -> store.resolution().matchesOf(m, Viewer.system()).stream())
              .anyMatch(m -> m.listEntityId().equals("ofac-sdn-12111"));
      assertThat(mergedWithOfac || possibleMatch)
          .as("OFAC's IRANIAN MINISTRY OF INTELLIGENCE AND SECURITY is one with MOIS or a match")
          .isTrue();
      assertThat(store.resolution().alerts(Viewer.system(), 100))
          .anyMatch(a -> a.listEntityId().equals("ofac-sdn-12111"));

      Set<String> irgc = named(store, "IRGC", "IRCG");
      assertThat(irgc).isNotEmpty();
      assertThat(canonical(store, irgc)).hasSize(1);

      undoable =
          store.judgements().all(Viewer.system()).stream()
              .filter(j -> j.judgedBy().equals("machine") && j.inForce())
              .findFirst()
              .orElseThrow(() -> new AssertionError("the machine merged nothing"));
      assertThat(canonicalOf(store, undoable.left()))
          .isEqualTo(canonicalOf(store, undoable.right()));
    }

    CliRunner.Run undo =
        CliRunner.vigil("judge", "--data", data.toString(), "--undo", "" + undoable.id());
    assertThat(undo.code()).as(undo.err()).isZero();
    CliRunner.Run again = CliRunner.vigil("resolve", "--data", data.toString());
    assertThat(again.code()).as(again.err()).isZero();

    try (Store store = Store.open(StoreConfig.embedded(data))) {
      for (String id : List.of(undoable.left(), undoable.right())) {
        Entity restored = store.statements().entity(id, Viewer.system()).orElseThrow();
        assertThat(restored.id()).isEqualTo(id);
        assertThat(restored.memberIds()).containsExactly(id);
        assertThat(restored.statements()).allMatch(s -> s.entityId().equals(id));
      }
      assertThat(store.judgements().byId(undoable.id(), Viewer.system()).orElseThrow().inForce())
          .isFalse();
    }
  }

  /** The entities from reporting with any of these names or aliases. */
  private static Set<String> named(Store store, String... names) {
    Set<String> wanted = Set.of(names);
    Set<String> out = new HashSet<>();
    store
        .statements()
        .scanEntities(
            e -> {
              for (Statement s : e.statements()) {
                if ((s.property().equals("name") || s.property().equals("alias"))
                    && s.sourceId().startsWith("doc-")
                    && wanted.contains(s.value())) {
                  out.add(e.id());
                }
              }
            });
    return out;
  }

  private static Set<String> canonical(Store store, Set<String> ids) {
    Set<String> out = new HashSet<>();
    ids.forEach(id -> out.add(canonicalOf(store, id)));
    return out;
  }

  private static String canonicalOf(Store store, String id) {
    return store.judgements().canonicalId(id, Viewer.system());
  }
}
