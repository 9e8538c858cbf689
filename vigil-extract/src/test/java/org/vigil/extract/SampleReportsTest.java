/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.ingest.CleanedText;
import org.vigil.ingest.WebTextCleaner;
import org.vigil.model.Schema;
import org.vigil.model.StatementBatch;

/**
 * The "done when" facts, read from the three sample reports in shared/data/reports. The
 * reports are copyrighted: they are read where they lie and never copied into the repository, so
 * this test runs only where that folder exists.
 */
class SampleReportsTest {
  private static final Path REPORTS =
      Path.of(System.getProperty("vigil.sharedData", "../../shared/data"), "reports");

  static List<Extractor> extractors() {
    return List.of(
        Extractor.create(), Extractor.create().withRecogniser(CoreNlpRecogniser.shared()));
  }

  @ParameterizedTest
  @MethodSource("extractors")
  void sleeperCellsReportYieldsTheNetworkItsLeaderTheMinisterAndTheSanction(Extractor extractor)
      throws IOException {
    Extraction x = extractor.extract(read("mois-sleeper-cells.txt").text());

    ExtractedEvent sanction = x.firstEvent("sanction").orElseThrow();
    assertThat(sanction.date()).map(Object::toString).hasValue("2024-01-29");
    assertThat(sanction.authority()).hasValueSatisfying(a -> assertThat(a).contains("OFAC", "UK"));
    String network = sanction.participants().get(0).entityId();
    assertThat(sanction.participants().get(0).text()).endsWith("network");

    assertThat(x.relations())
        .anySatisfy(
            r -> {
              assertThat(r.schema()).isEqualTo(Schema.EMPLOYMENT);
              assertThat(r.source().text()).isEqualTo("Naji Ibrahim Sharifi-Zindashti");
              assertThat(r.target().entityId()).isEqualTo(network);
              assertThat(r.role()).hasValue("leader");
              assertThat(r.evidence()).contains("spearheaded by");
            });
    assertThat(x.relations())
        .anySatisfy(
            r -> {
              assertThat(r.schema()).isEqualTo(Schema.MEMBERSHIP);
              assertThat(r.source().entityId()).isEqualTo(network);
              assertThat(r.target().entityId()).isEqualTo("vigil-ir-mois");
              assertThat(r.evidence())
                  .startsWith("The designation of individuals and entities involved in MOIS")
                  .contains("operations");
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

  @ParameterizedTest
  @MethodSource("extractors")
  void isisReportYieldsQudsForcePmfRecruitmentAndTheMalikiNetworkInMosul(Extractor extractor)
      throws IOException {
    CleanedText cleaned = read("iran-recruits-isis-fighters.txt");
    Extraction x = extractor.extract(cleaned.text());

    assertThat(cleaned.count(CleanedText.Reason.REPEATED_PARAGRAPH)).isEqualTo(1);
    assertThat(x.events())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("recruitment");
              assertThat(e.participants())
                  .extracting(Mention::entityId)
                  .contains("vigil-ir-irgc-qf", "vigil-iq-pmf", "vigil-isis");
            });
    List<Relation> networkParts =
        x.relations().stream().filter(r -> r.extractor().equals("pattern:network")).toList();
    assertThat(networkParts)
        .anySatisfy(r -> assertThat(r.source().text()).isEqualTo("Maliki"))
        .anySatisfy(r -> assertThat(r.source().entityId()).isEqualTo("vigil-ir-irgc-qf"))
        .anySatisfy(r -> assertThat(r.source().entityId()).isEqualTo("vigil-isis"));
    assertThat(x.events())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("base");
              assertThat(e.place()).hasValue("Mosul");
            });
    assertThat(x.events())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("attack");
              assertThat(e.date()).map(Object::toString).hasValue("1983");
              assertThat(e.place()).hasValue("Beirut Barracks");
            });
    assertThat(x.relations())
        .anySatisfy(
            r -> {
              assertThat(r.source().entityId()).isEqualTo("vigil-iq-badr");
              assertThat(r.target().entityId()).isEqualTo("vigil-ir-irgc-qf");
            });
  }

  @ParameterizedTest
  @MethodSource("extractors")
  void ciaSpiesReportRecordsTheSeventeenArrestsAsADisputedClaim(Extractor extractor)
      throws IOException {
    Extraction x = extractor.extract(read("alleged-cia-spies-in-iran.txt").text());

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
    assertThat(x.events())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("denial");
              assertThat(e.evidence()).contains("totally false");
            });
  }

  private static CleanedText read(String name) throws IOException {
    Path file = REPORTS.resolve(name);
    assumeTrue(Files.isRegularFile(file), "the sample reports are not here");
    return WebTextCleaner.clean(Files.readString(file, StandardCharsets.UTF_8));
  }
}
