/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.Mention;
import org.vigil.lists.ListRelease;
import org.vigil.lists.SanctionsLists;

/** The gazetteer of the OFAC SDN list that the demo bundles (2026-08-20). */
class ListGazetteerTest {
  @TempDir static Path dir;
  private static Gazetteer sdn;

  @BeforeAll
  static void readTheBundledSdnList() throws IOException {
    Path file = dir.resolve("ofac-sdn.json");
    try (InputStream in =
        new GZIPInputStream(
            ListGazetteer.class.getResourceAsStream("/org/vigil/app/lists/ofac-sdn.json.gz"))) {
      Files.copy(in, file);
    }
    ListRelease release = SanctionsLists.read(file);
    sdn = ListGazetteer.of(List.of(release));
  }

  @Test
  void listedPersonIsFoundByHisFullNameAsTheListsEntity() {
    Extraction x =
        Extractor.create()
            .withListNames(sdn)
            .extract("The network was run by Naji Ibrahim Sharifi-Zindashti from Turkey.");

    assertThat(x.mentions())
        .anySatisfy(
            m -> {
              assertThat(m.text()).isEqualTo("Naji Ibrahim Sharifi-Zindashti");
              assertThat(m.entityId()).isEqualTo("ofac-sdn-46274");
              assertThat(m.extractor()).isEqualTo("gazetteer:lists");
            });
  }

  @Test
  void listedOrganisationWrittenInCapitalsOnTheListIsFoundAsWrittenInText() {
    Extraction x =
        Extractor.create().withListNames(sdn).extract("Funds moved through Bank Melli Iran.");

    assertThat(x.mentions()).extracting(Mention::text).contains("Bank Melli Iran");
  }

  @Test
  void theCuratedDictionaryComesBeforeTheLists() {
    Extraction x =
        Extractor.create()
            .withListNames(sdn)
            .extract("Iran's Ministry of Intelligence and Security (MOIS) ran the network.");

    assertThat(x.mentions())
        .filteredOn(m -> m.text().equals("MOIS"))
        .allSatisfy(m -> assertThat(m.entityId()).isEqualTo("vigil-ir-mois"));
  }

  @Test
  void surnameFirstNamesAreTurnedRoundAndCapitalsWrittenAsNames() {
    assertThat(ListGazetteer.asWritten("SHARIFI-ZINDASHTI, Naji Ibrahim", true))
        .isEqualTo("Naji Ibrahim Sharifi-Zindashti");
    assertThat(ListGazetteer.asWritten("BANK MELLI IRAN", false)).isEqualTo("Bank Melli Iran");
    assertThat(ListGazetteer.asWritten("IRGC", false)).isEqualTo("IRGC");
  }

  @Test
  void twoWordPersonNamesAreLeftOutAsTooCommon() {
    assertThat(sdn.lookup("Naji Sharifi-Zindashti")).isEmpty();
    assertThat(sdn.lookup("Naji Ibrahim Sharifi-Zindashti")).isPresent();
  }
}
