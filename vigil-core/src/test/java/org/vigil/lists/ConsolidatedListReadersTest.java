/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/** The US Consolidated Screening List CSV and the EU Financial Sanctions XML readers. */
class ConsolidatedListReadersTest {
  @TempDir Path temp;

  private static Path fixture(String name) {
    try {
      return Path.of(ConsolidatedListReadersTest.class.getResource("/lists/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ListEntry entry(ListRelease release, String id) {
    return release.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void usConsolidatedScreeningListIsDetectedAndReadWithItsSourceAsAuthority() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("us-csl/consolidated-excerpt.csv"));
    assertThat(release.dataset()).isEqualTo("US Consolidated Screening List");
    assertThat(release.entries()).hasSize(5);
    ListEntry rim = entry(release, "52291");
    assertThat(rim.schema()).isEqualTo(Schema.PERSON);
    assertThat(rim.name()).isEqualTo("RIM, Ryong Nam");
    assertThat(rim.birthDates()).containsExactly(PartialDate.parse("1978-12-05"));
    assertThat(rim.countries()).containsExactly("kp");
    assertThat(rim.programs()).containsExactly("NPWMD");
    assertThat(rim.authority()).startsWith("Specially Designated Nationals (SDN)");
    ListEntry rosneft = entry(release, "18300");
    assertThat(rosneft.schema()).isEqualTo(Schema.ORGANIZATION);
    assertThat(rosneft.aliases()).extracting(Alias::name).containsExactly("TNK TRADE LIMITED");
    ListEntry cetc = entry(release, "99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be");
    assertThat(cetc.schema()).isEqualTo(Schema.LEGAL_ENTITY);
    assertThat(cetc.aliases()).extracting(Alias::name).contains("HSRI", "Hebei Semiconductor");
    assertThat(cetc.listingDate()).contains(PartialDate.parse("2018-08-01"));
    assertThat(entry(release, "26182").countries()).containsExactly("tr");
  }

  @Test
  void usConsolidatedScreeningListRowWithMissingColumnsIsRefusedWithItsLine() throws IOException {
    Path file = temp.resolve("csl.csv");
    Files.writeString(
        file,
        UsConsolidatedScreeningListCsvReader.HEADER_START
            + ",title\n\"1\",\"SDN\",\"1\",\"Individual\",\"X\"\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new UsConsolidatedScreeningListCsvReader().read(file))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("columns");
  }

  @Test
  void euFinancialSanctionsXmlIsDetectedAndReadWithStrongAndWeakNames() throws IOException {
    ListRelease release = SanctionsLists.read(fixture("eu-fsf/eu-fsf-synthetic.xml"));
    assertThat(release.dataset()).isEqualTo("EU Financial Sanctions");
    assertThat(release.published()).contains(LocalDate.of(2026, 11, 30));
    assertThat(release.entries()).hasSize(3);
    ListEntry kourosh = entry(release, "EU.9001.11");
    assertThat(kourosh.schema()).isEqualTo(Schema.PERSON);
    assertThat(kourosh.name()).isEqualTo("Kourosh Ardalan-Farahani");
    assertThat(kourosh.aliases())
        .extracting(Alias::name, Alias::weak)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("کورش اردلان فراهانی", false),
            org.assertj.core.groups.Tuple.tuple("Kurosh Ardalan", true));
    assertThat(kourosh.birthDates()).containsExactly(PartialDate.parse("1971-03-02"));
    assertThat(kourosh.countries()).containsExactly("ir");
    assertThat(kourosh.programs()).containsExactly("IRN");
    assertThat(kourosh.listingDate()).contains(PartialDate.parse("2024-04-15"));
    ListEntry company = entry(release, "EU.9001.12");
    assertThat(company.schema()).isEqualTo(Schema.ORGANIZATION);
    assertThat(company.aliases()).extracting(Alias::name).containsExactly("SNSC");
    // No reference number: the logical id stands in; a name given in parts is joined.
    ListEntry yelena = entry(release, "900013");
    assertThat(yelena.name()).isEqualTo("Yelena Voronkova");
    assertThat(yelena.birthDates()).containsExactly(PartialDate.parse("1980"));
  }

  @Test
  void euEntityWithoutAStrongNameIsRefusedNamingIt() throws IOException {
    Path file = temp.resolve("eu.xml");
    Files.writeString(
        file,
        "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\"><sanctionEntity"
            + " euReferenceNumber=\"EU.1.1\"><nameAlias wholeName=\"Only Weak\" strong=\"false\"/>"
            + "</sanctionEntity></export>",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SanctionsLists.read(file))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("sanctionEntity 1")
        .hasMessageContaining("EU.1.1");
  }

  @Test
  void aGzipCompressedListIsReadAsTheListInside() throws IOException {
    Path plain = fixture("eu-fsf/eu-fsf-synthetic.xml");
    Path gz = temp.resolve("eu-fsf.xml.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(plain, out);
    }
    ListRelease packed = SanctionsLists.read(gz);
    ListRelease unpacked = SanctionsLists.read(plain);
    assertThat(packed.entries()).isEqualTo(unpacked.entries());
    assertThat(packed.sha256()).isEqualTo(unpacked.sha256());
  }

  @Test
  void aTruncatedGzipIsRefusedNamingTheFileGiven() throws IOException {
    Path gz = temp.resolve("cut.csv.gz");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(Files.readAllBytes(fixture("us-csl/consolidated-excerpt.csv")));
    }
    byte[] all = bytes.toByteArray();
    Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> SanctionsLists.read(gz))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining(gz.toString())
        .hasMessageContaining("gzip");
  }
}
