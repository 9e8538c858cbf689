/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Marking;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.names.Script;

class SanctionsListsTest {

  @TempDir Path temp;

  private static Path fixture(String name) {
    try {
      return Path.of(SanctionsListsTest.class.getResource("/lists/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ListEntry entry(ListRelease release, String id) {
    return release.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void readsOfacLegacyCsvWithRemarksParsed() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("ofac-legacy"));
    assertThat(release.dataset()).isEqualTo("OFAC SDN");
    assertThat(release.entries()).hasSize(17);
    ListEntry logan = entry(release, "10278");
    assertThat(logan.schema()).isEqualTo(Schema.PERSON);
    assertThat(logan.birthDates()).containsExactly(PartialDate.parse("1963-07-28"));
    ListEntry hesa = entry(release, "11195");
    assertThat(hesa.programs()).containsExactly("NPWMD", "IFSR", "IRAN-CON-ARMS-EO");
    assertThat(hesa.aliases()).extracting(Alias::name).contains("HESA TRADE CENTER");
    assertThat(hesa.countries()).contains("ir");
    assertThat(release.sha256()).hasSize(64);
  }

  @Test
  void readsSdnJsonDigest() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("sdn-json/ofac-sdn-excerpt.json"));
    assertThat(release.published()).contains(LocalDate.of(2026, 8, 20));
    assertThat(release.entries()).hasSize(5);
    assertThat(entry(release, "36").aliases())
        .extracting(Alias::name)
        .containsExactly("AERO-CARIBBEAN");
    assertThat(release.entries())
        .extracting(ListEntry::schema)
        .contains(Schema.VESSEL, Schema.PERSON);
  }

  @Test
  void readsUnXmlWithOriginalScriptNamesAsAliases() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("un/un-consolidated-excerpt.xml"));
    assertThat(release.published()).contains(LocalDate.of(2026, 2, 27));
    assertThat(release.entries()).hasSize(6);
    assertThat(release.entries().stream().filter(e -> e.schema() == Schema.ORGANIZATION))
        .hasSize(2);
    assertThat(release.entries())
        .anySatisfy(
            e ->
                assertThat(e.aliases())
                    .anySatisfy(a -> assertThat(a.script()).isEqualTo(Script.ARABIC)));
    ListEntry badege = entry(release, "CDi.001");
    assertThat(badege.name()).isEqualTo("ERIC BADEGE");
    assertThat(badege.birthDates()).containsExactly(PartialDate.parse("1971"));
    assertThat(badege.listingDate()).contains(PartialDate.parse("2012-12-31"));
    assertThat(badege.countries()).containsExactly("cd", "rw");
    assertThat(release.entries())
        .anySatisfy(e -> assertThat(e.birthPlaces()).containsExactly("al-Awja, near Tikrit, Iraq"));
    assertThat(badege.birthPlaces()).isEmpty();
  }

  @Test
  void readsUkConListGroupingRowsByGroupId() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("uk-conlist/conlist-excerpt.csv"));
    assertThat(release.published()).contains(LocalDate.of(2025, 4, 10));
    assertThat(release.entries()).hasSize(3);
    ListEntry group = entry(release, "6894");
    assertThat(group.name()).isEqualTo("MOHAMAD IQBAL ABDURRAHMAN");
    assertThat(group.aliases()).isNotEmpty();
    assertThat(group.birthDates()).contains(PartialDate.parse("1958-08-17"));
    assertThat(group.countries()).contains("id");
  }

  @Test
  void namingThePrimaryOfacFileReadsItsSiblingsToo() throws IOException {
    ListRelease byDirectory = SanctionsLists.read(fixture("ofac-legacy"));
    ListRelease byFile = SanctionsLists.read(fixture("ofac-legacy").resolve("sdn.csv"));
    assertThat(byFile.entries()).isEqualTo(byDirectory.entries());
  }

  @Test
  void readsOfacSdnXml() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("ofac-xml/sdn-synthetic.xml"));
    assertThat(release.published()).contains(LocalDate.of(2026, 8, 20));
    ListEntry person = entry(release, "90001");
    assertThat(person.name()).isEqualTo("EXAMPLEZADEH, Karim");
    assertThat(person.aliases()).extracting(Alias::weak).containsExactly(false, true);
    assertThat(person.birthDates()).containsExactly(PartialDate.parse("1960-01-01"));
    assertThat(person.countries()).containsExactly("ir");
    assertThat(entry(release, "90002").countries()).containsExactly("ae");
  }

  @Test
  void readsUkSanctionsListTables() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("uk-sanctions-list"));
    ListEntry person = entry(release, "TST0001");
    assertThat(person.name()).isEqualTo("Naji Ibrahim EXAMPLE-ZINDASHTI");
    assertThat(person.aliases()).extracting(Alias::weak).containsExactly(false, true);
    assertThat(person.birthDates()).containsExactly(PartialDate.parse("1972-03-01"));
    assertThat(person.listingDate()).contains(PartialDate.parse("2024-01-15"));
    assertThat(entry(release, "TST0002").schema()).isEqualTo(Schema.ORGANIZATION);
  }

  @Test
  void readsAgencyCsvAndFtmJsonLines() throws IOException {
    ListRelease agency = SanctionsLists.read(fixture("agency/partner-list.csv"));
    ListEntry qasem = entry(agency, "A-1");
    assertThat(qasem.aliases()).hasSize(2);
    assertThat(qasem.programs()).containsExactly("WATCH", "PARTNER-7");
    assertThat(qasem.birthDates()).containsExactly(PartialDate.parse("1957-03"));
    ListRelease ftm = SanctionsLists.read(fixture("ftm/entities.jsonl"));
    assertThat(ftm.entries()).extracting(ListEntry::id).containsExactly("ftm-p1", "ftm-c1");
    assertThat(entry(ftm, "ftm-p1").aliases()).extracting(Alias::weak).containsExactly(false, true);
  }

  @Test
  void truncatedXmlNamesTheFile() throws IOException {
    String xml =
        Files.readString(fixture("un/un-consolidated-excerpt.xml"), StandardCharsets.UTF_8);
    Path cut = temp.resolve("un-cut.xml");
    Files.writeString(cut, xml.substring(0, xml.length() / 2), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SanctionsLists.read(cut))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("un-cut.xml")
        .hasMessageContaining("malformed XML");
  }

  @Test
  void truncatedCsvNamesTheLineOfTheOpenQuote() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("ofac"));
    Files.writeString(
        dir.resolve("sdn.csv"),
        "1,\"A, B\",\"individual\",\"SDGT\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n"
            + "2,\"C, D\",\"individual\",\"SDGT\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,\"DOB 1960; trunc",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SanctionsLists.read(dir))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("sdn.csv")
        .hasMessageContaining("line 2")
        .hasMessageContaining("never closed");
  }

  @Test
  void rowWithTooFewColumnsIsRejected() throws IOException {
    Path file = temp.resolve("agency.csv");
    Files.writeString(
        file,
        String.join(",", AgencyCsvReader.HEADER) + "\nA-1,Name,Person\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SanctionsLists.read(file))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("expected 7 columns");
  }

  @Test
  void unknownFormatListsTheKnownOnes() throws IOException {
    Path file = temp.resolve("notes.txt");
    Files.writeString(file, "just some notes", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SanctionsLists.read(file))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("not a known list format")
        .hasMessageContaining("OFAC legacy CSV");
  }

  @Test
  void releaseBecomesEntityAndSanctionStatementsFromOneListReleaseSource() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("un/un-consolidated-excerpt.xml"));
    Source source =
        SanctionsLists.source(
            release, Marking.of(Tlp.CLEAR, "vigil"), Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(source.kind()).isEqualTo(SourceKind.LIST_RELEASE);
    assertThat(source.title()).isEqualTo("UN Security Council Consolidated 2026-02-27");
    assertThat(source.contentHash()).contains("sha256:" + release.sha256());
    List<Statement> statements = SanctionsLists.toStatements(release, source);
    assertThat(statements).allSatisfy(s -> assertThat(s.sourceId()).isEqualTo(source.id()));
    List<Statement> sanctions =
        statements.stream().filter(s -> s.schema() == Schema.SANCTION).toList();
    assertThat(sanctions)
        .extracting(Statement::property)
        .contains("entity", "authority", "program", "listingDate");
    assertThat(sanctions)
        .filteredOn(s -> s.property().equals("listingDate"))
        .extracting(Statement::value)
        .contains("2012-12-31");
    assertThat(statements)
        .filteredOn(s -> s.property().equals("birthDate"))
        .extracting(Statement::value)
        .contains("1971");
    assertThat(statements).extracting(Statement::id).doesNotHaveDuplicates();
  }
}
