/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.claims.FactStatus;
import org.vigil.claims.Stance;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentTerms;
import org.vigil.documents.IngestOutcome;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Credibility;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.Grade;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The sample report on the alleged CIA spies (read from ../shared, never committed), ingested into
 * a real store: the arrest the ministry claims and the president denies is one disputed fact, one
 * origin each way, and a near copy of the report changes no count.
 */
class SpiesClaimIT {
  private static final Path REPORT =
      Path.of(
          System.getProperty("vigil.sharedData", "../../shared/data"),
          "reports",
          "alleged-cia-spies-in-iran.txt");
  private static final Viewer ALICE = Viewer.of("u-a1", "alice", "org-a", Set.of(), Role.ANALYST);
  private static final Viewer BORIS = Viewer.of("u-b1", "boris", "org-b", Set.of(), Role.ANALYST);
  private static final DocumentTerms TERMS =
      new DocumentTerms(Marking.of(Tlp.AMBER, "org-a"), Reliability.F, ALICE);

  @TempDir Path data;
  @TempDir Path inbox;
  private Store store;
  private ClaimWeighings weighings;

  @BeforeEach
  void openStore() {
    store = Store.open(StoreConfig.embedded(data));
    weighings = new ClaimWeighings(store);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private IngestOutcome ingest(String name, String text) throws IOException {
    Path file = Files.writeString(inbox.resolve(name), text, StandardCharsets.UTF_8);
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      return new DocumentIngest(store, reader, Extractor.standard(), Clock.systemUTC())
          .ingest(file, TERMS);
    }
  }

  private ClaimWeighings.Fact spies(Viewer viewer) {
    return weighings.about("vigil-ir-mois", viewer).orElseThrow().stream()
        .filter(f -> f.proposition().predicate().equals("arrest"))
        .filter(f -> f.proposition().subject().equals("vigil-ir-mois vigil-us-cia"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theSpiesClaimIsDisputedOneOriginAssertsOneDeniesAndANearCopyChangesNoCount()
      throws IOException {
    assumeTrue(Files.isRegularFile(REPORT), "the sample reports are not here");
    String text = Files.readString(REPORT, StandardCharsets.UTF_8);
    ingest("alleged-cia-spies-in-iran.txt", text);

    ClaimWeighings.Fact fact = spies(ALICE);
    assertThat(fact.status().kind()).isEqualTo(FactStatus.Kind.DISPUTED);
    assertThat(fact.corroboration().describe()).isEqualTo("1 origin asserts, 1 origin denies");
    assertThat(fact.caption())
        .isEqualTo("arrest · Ministry of Intelligence and Security — Central Intelligence Agency");
    assertThat(fact.origins())
        .extracting(ClaimWeighings.OriginGroup::label)
        .containsExactlyInAnyOrder("Ministry of Intelligence and Security", "Trump");
    // The report's own repetition of the ministry's claim is grouped under the ministry.
    assertThat(fact.origins())
        .allSatisfy(
            g ->
                assertThat(g.claims())
                    .extracting(ClaimWeighings.ClaimLine::stance)
                    .containsOnly(g.label().equals("Trump") ? Stance.DENIES : Stance.ASSERTS));
    assertThat(fact.claims())
        .extracting(ClaimWeighings.ClaimLine::claimant)
        .contains("Ministry of Intelligence and Security", "Trump");
    assertThat(fact.claims())
        .allSatisfy(c -> assertThat(c.sourceReliability()).isEqualTo(Reliability.F))
        .allSatisfy(c -> assertThat(c.suggested().credibility()).isEqualTo(Credibility.IMPROBABLE));
    List<String> before =
        weighings.about("vigil-ir-mois", ALICE).orElseThrow().stream()
            .map(f -> f.caption() + " = " + f.corroboration().describe())
            .toList();

    IngestOutcome copy =
        ingest(
            "syndicated-copy.txt",
            "Syndicated from the New York Times\n\n"
                + text.replace("Spy vs. Spy", "Spy against Spy"));
    assertThat(copy.kind()).isEqualTo(IngestOutcome.Kind.NEAR_DUPLICATE);

    ClaimWeighings.Fact again = spies(ALICE);
    assertThat(again.claims()).hasSize(2 * fact.claims().size());
    assertThat(again.corroboration().describe()).isEqualTo("1 origin asserts, 1 origin denies");
    assertThat(
            weighings.about("vigil-ir-mois", ALICE).orElseThrow().stream()
                .map(f -> f.caption() + " = " + f.corroboration().describe())
                .toList())
        .containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void aGradeIsSetAndUndoneAndAnotherOrganisationSeesNothing() throws IOException {
    assumeTrue(Files.isRegularFile(REPORT), "the sample reports are not here");
    ingest("alleged-cia-spies-in-iran.txt", Files.readString(REPORT, StandardCharsets.UTF_8));
    Grading grading = new Grading(store, Clock.systemUTC());
    Grading.Actor alice = new Grading.Actor("u-a1", ALICE, "test");
    ClaimWeighings.ClaimLine ministry =
        spies(ALICE).claims().stream()
            .filter(c -> c.stance() == Stance.ASSERTS)
            .findFirst()
            .orElseThrow();

    var graded = grading.gradeClaim(ministry.claimId(), "4", "no names, no details", alice);
    assertThat(graded).isInstanceOf(Grading.Done.class);
    var source = grading.gradeSource(ministry.sourceId(), "B", "a paper of record", alice);
    assertThat(source).isInstanceOf(Grading.Done.class);
    ClaimWeighings.ClaimLine now =
        spies(ALICE).claims().stream()
            .filter(c -> c.claimId().equals(ministry.claimId()))
            .findFirst()
            .orElseThrow();
    assertThat(now.credibilityInForce()).isEqualTo(Credibility.DOUBTFUL);
    assertThat(now.sourceReliability()).isEqualTo(Reliability.B);
    assertThat(now.suggested().credibility()).isEqualTo(Credibility.IMPROBABLE);

    long id = ((Grading.Done<Grade>) graded).value().id();
    assertThat(grading.undoGrade(id, new Grading.Actor("u-b1", BORIS, "test")))
        .isInstanceOf(Grading.Refused.class);
    assertThat(
            grading.gradeClaim(ministry.claimId(), "1", "", new Grading.Actor("u-b1", BORIS, "t")))
        .isEqualTo(
            new Grading.Refused<Grade>(
                Grading.Refusal.UNKNOWN_TARGET, "no claim " + ministry.claimId()));
    assertThat(grading.gradeClaim(ministry.claimId(), "7", "", alice))
        .isInstanceOf(Grading.Refused.class);
    assertThat(grading.undoGrade(id, alice)).isInstanceOf(Grading.Done.class);
    assertThat(grading.undoGrade(id, alice)).isInstanceOf(Grading.Refused.class);
    assertThat(
            spies(ALICE).claims().stream()
                .filter(c -> c.claimId().equals(ministry.claimId()))
                .findFirst()
                .orElseThrow()
                .credibilityInForce())
        .isEqualTo(Credibility.IMPROBABLE);
    assertThat(weighings.about("vigil-ir-mois", BORIS)).isEmpty();
  }
}
