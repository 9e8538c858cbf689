/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.ingest.CleanedText;
import org.vigil.ingest.WebTextCleaner;
import org.vigil.model.Schema;
import org.vigil.model.StatementBatch;

/**
 * The "done when" facts, read from the three sample reports in shared/data/reports by the
 * whole reading (recogniser, parser, rule families, coreference, attribution). The reports are
 * copyrighted: they are read where they lie and never copied into the repository, so this test runs
 * only where that folder exists.
 */
class SampleReportsTest {
  private static final Path REPORTS =
      Path.of(System.getProperty("vigil.sharedData", "../../shared/data"), "reports");

  /** The whole reading without a relation model: the recogniser, the parser and the rules. */
  private static final Extractor READING =
      Extractor.create()
          .withRecogniser(CoreNlpRecogniser.shared())
          .withParser(DependencyParser.shared());

  @Test
  void sleeperCellsReportYieldsTheNetworkItsLeaderItsOperationsTheMinisterAndTheSanction()
      throws IOException {
    Extraction x = READING.extract(read("mois-sleeper-cells.txt").text());

    ExtractedEvent sanction = x.firstEvent("sanction").orElseThrow();
    assertThat(sanction.date()).map(Object::toString).hasValue("2024-01-29");
    assertThat(sanction.inRole("authority"))
        .extracting(Mention::entityId)
        .contains("vigil-us-ofac");
    assertThat(sanction.authority())
        .hasValueSatisfying(a -> assertThat(a).contains("OFAC", "United Kingdom"));
    Mention target = sanction.inRole("target").get(0);
    assertThat(target.text()).endsWith("network");
    String network = target.entityId();

    assertThat(x.relations())
        .anySatisfy(
            r -> {
              assertThat(r.schema()).isEqualTo(Schema.EMPLOYMENT);
              assertThat(r.source().text()).isEqualTo("Naji Ibrahim Sharifi-Zindashti");
              assertThat(r.target().entityId()).isEqualTo(network);
              assertThat(r.role()).hasValue("leader");
              assertThat(r.evidence()).contains("spearheaded by");
            });
    for (String kind : List.of("killing", "kidnapping")) {
      assertThat(x.events())
          .as("the network's %s", kind)
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo(kind);
                assertThat(e.inRole("perpetrator"))
                    .extracting(Mention::entityId)
                    .containsExactly(network);
                assertThat(e.evidence()).contains("assassinations and kidnappings");
              });
    }
    assertThat(x.relations())
        .anySatisfy(
            r -> {
              assertThat(r.schema()).isEqualTo(Schema.MEMBERSHIP);
              assertThat(r.source().entityId()).isEqualTo(network);
              assertThat(r.target().entityId()).isEqualTo("vigil-ir-mois");
              assertThat(r.evidence())
                  .startsWith("The designation of individuals and entities involved in MOIS");
            });
    assertThat(x.relations())
        .anySatisfy(
            r -> {
              assertThat(r.source().text()).isEqualTo("Esmaeil Khatib");
              assertThat(r.target().entityId()).isEqualTo("vigil-ir-mois");
              assertThat(r.startDate()).map(Object::toString).hasValue("2021-08");
              assertThat(r.role()).hasValue("minister of Intelligence Service");
            });
    assertThat(x.acronyms())
        .anySatisfy(a -> assertThat(a.entityId()).isEqualTo("vigil-ir-mois"))
        .anySatisfy(a -> assertThat(a.entityId()).isEqualTo("vigil-us-jttf"));
    assertThat(StatementBatch.problems(x.toStatements(ExtractorTest.source()))).isEmpty();
  }

  @Test
  void isisReportYieldsTheQudsForceTiesAndTheRecruitmentOfIsisFighters() throws IOException {
    CleanedText cleaned = read("iran-recruits-isis-fighters.txt");
    Extraction x = READING.extract(cleaned.text());

    assertThat(cleaned.count(CleanedText.Reason.REPEATED_PARAGRAPH)).isEqualTo(1);
    assertThat(x.events())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("recruitment");
              assertThat(e.inRole("recruit's affiliation"))
                  .extracting(Mention::entityId)
                  .contains("vigil-isis");
            });
    assertThat(x.relations())
        .anySatisfy(
            r -> {
              assertThat(r.source().entityId()).isEqualTo("vigil-ir-irgc-qf");
              assertThat(r.target().entityId()).isEqualTo("vigil-iq-pmf");
            });
    assertThat(x.events())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("funding");
              assertThat(e.inRole("payer"))
                  .extracting(Mention::entityId)
                  .contains("vigil-ir-irgc-qf");
            });
  }

  @Test
  void ciaSpiesReportRecordsTheSeventeenArrestsAsTwoClaimsOfOppositeStance() throws IOException {
    Extraction x = READING.extract(read("alleged-cia-spies-in-iran.txt").text());

    assertThat(x.events())
        .noneSatisfy(e -> assertThat(e.evidence()).startsWith("Source:"))
        .allSatisfy(
            e ->
                assertThat(e.participants())
                    .extracting(Mention::text)
                    .doesNotContain("he", "He", "his", "him"));
    assertThat(x.events())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("arrest");
              assertThat(e.evidence()).contains("17");
              assertThat(e.participants())
                  .extracting(Mention::entityId)
                  .contains("vigil-ir-mois", "vigil-us-cia");
              assertThat(e.disputed()).isTrue();
            });
    List<Claim> spies =
        x.claims().stream()
            .filter(c -> c.claimed() instanceof ExtractedEvent e && e.kind().equals("arrest"))
            .filter(
                c ->
                    ((ExtractedEvent) c.claimed())
                        .participants().stream().anyMatch(m -> m.entityId().equals("vigil-us-cia")))
            .toList();
    assertThat(spies).extracting(Claim::stance).containsExactly(Stance.ASSERTS, Stance.DENIES);
    assertThat(spies.get(0).claimant().entityId()).isEqualTo("vigil-ir-mois");
    assertThat(spies.get(1).claimant().text()).isEqualTo("Trump");
    assertThat(((ExtractedEvent) spies.get(1).claimed()).evidence()).contains("totally false");
  }

  private static CleanedText read(String name) throws IOException {
    Path file = REPORTS.resolve(name);
    assumeTrue(Files.isRegularFile(file), "the sample reports are not here");
    return WebTextCleaner.clean(Files.readString(file, StandardCharsets.UTF_8));
  }
}
