/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.claims.FactStatus;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentTerms;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * "Arrested" and "at large" read from two reports, not entered by hand: the police report's arrest
 * and a later report's escape from prison put one person in custody and then at large, so the
 * arrest is disputed with the reason in words.
 */
class EscapeFromReportingIT {
  private static final Viewer ALICE = Viewer.of("u-a1", "alice", "org-a", Set.of(), Role.ANALYST);
  private static final DocumentTerms TERMS =
      new DocumentTerms(Marking.of(Tlp.AMBER, "org-a"), Reliability.F, ALICE);

  @TempDir Path data;
  @TempDir Path inbox;
  private Store store;

  @BeforeEach
  void openStore() {
    store = Store.open(StoreConfig.embedded(data));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private void ingest(String name, String text) throws IOException {
    Path file = Files.writeString(inbox.resolve(name), text, StandardCharsets.UTF_8);
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      new DocumentIngest(store, reader, Extractor.standard(), Clock.systemUTC())
          .ingest(file, TERMS);
    }
  }

  @Test
  void anArrestAndALaterEscapeReadFromTwoReportsAreADisputeWithItsReason() throws IOException {
    ingest(
        "police.txt",
        "Provincial police statement\n\nPolice arrested Omid Rahimi in Tabriz on 2 May 2024.\n");
    ingest(
        "wire.txt",
        "Wire report\n\nOmid Rahimi escaped from prison on 14 June 2024 and remains at large.\n");
    List<String> people = new ArrayList<>();
    store
        .statements()
        .scanEntities(
            e -> {
              if (e.schema() == Schema.PERSON && e.caption().contains("Rahimi")) {
                people.add(e.id());
              }
            });
    assertThat(people).hasSize(1);

    List<ClaimWeighings.Fact> facts =
        new ClaimWeighings(store).about(people.get(0), ALICE).orElseThrow();
    assertThat(facts).extracting(f -> f.proposition().predicate()).contains("arrest", "escape");
    ClaimWeighings.Fact arrest =
        facts.stream()
            .filter(f -> f.proposition().predicate().equals("arrest"))
            .findFirst()
            .orElseThrow();
    assertThat(arrest.status().kind()).isEqualTo(FactStatus.Kind.DISPUTED);
    assertThat(arrest.conflicts())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.reason()).contains("at large"));
  }
}
