/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

class ExtractorTest {
  /** Without a parser: what {@link Extractor#create()} reads. */
  private static final Extractor EXTRACTOR = Extractor.create();

  @Test
  void withoutAParserMentionsAndAcronymsAreReadButNoRelationOrEvent() {
    Extraction x =
        EXTRACTOR.extract(
            "On 3 March 2025, Japan sanctioned a smuggling ring led by Lev Orlov, who acted on"
                + " behalf of the Northern Intelligence Directorate (NID).");

    assertThat(x.mentions()).extracting(Mention::text).contains("Lev Orlov");
    assertThat(x.acronyms())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.shortForm()).isEqualTo("NID");
              assertThat(a.longForm()).isEqualTo("Northern Intelligence Directorate");
            });
    assertThat(x.relations()).isEmpty();
    assertThat(x.events()).isEmpty();
  }

  @Test
  void nationalityAndReligionAreAttributesOfTheTextOnly() {
    Extraction x =
        EXTRACTOR.extract("Esmaeil Khatib, a Shia cleric, met Iranian officials in Tehran.");

    assertThat(x.attributes())
        .extracting(TextAttribute::kind)
        .containsExactly(TextAttribute.Kind.RELIGION, TextAttribute.Kind.NATIONALITY);
    assertThat(x.mentions()).extracting(Mention::text).doesNotContain("Shia", "Iranian");
    assertThat(x.toStatements(source()))
        .extracting(Statement::value)
        .doesNotContain("Shia", "Iranian");
  }

  @Test
  void groupsNamedByDescriptionAreOrganisationMentionsWithoutEntities() {
    Extraction x =
        EXTRACTOR.extract(
            "Syrian government forces and coalition troops pushed the insurgents back.");

    assertThat(x.mentions())
        .filteredOn(m -> m.extractor().equals("pattern:group"))
        .extracting(Mention::text)
        .containsExactly("Syrian government forces", "coalition troops", "the insurgents");
    assertThat(x.mentions())
        .filteredOn(m -> m.extractor().equals("pattern:group"))
        .allSatisfy(m -> assertThat(m.schema()).isEmpty());
    assertThat(x.toStatements(source())).isEmpty();
  }

  @Test
  void countryThatActsIsAStateAndCountryWhereThingsHappenIsAPlace() {
    Extraction x = EXTRACTOR.extract("Turkey welcomed the talks held in Syria.");

    assertThat(x.mentions())
        .extracting(Mention::text, Mention::type)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Turkey", MentionType.ORGANIZATION),
            org.assertj.core.groups.Tuple.tuple("Syria", MentionType.LOCATION));
  }

  @Test
  void officeHolderWithoutANameIsAPersonMention() {
    Extraction x = EXTRACTOR.extract("The Foreign Secretary met the Iraqi commander in Erbil.");

    assertThat(x.mentions())
        .filteredOn(m -> m.type() == MentionType.PERSON)
        .extracting(Mention::text)
        .containsExactly("The Foreign Secretary", "the Iraqi commander");
    assertThat(x.mentions())
        .anySatisfy(
            m -> {
              assertThat(m.text()).isEqualTo("Erbil");
              assertThat(m.type()).isEqualTo(MentionType.LOCATION);
            });
  }

  @Test
  void dictionaryNameWrittenInLowerCaseMatchesAsWritten() {
    Extraction x = EXTRACTOR.extract("Fighters of al-Qaida in the region were killed.");

    assertThat(x.mentions()).anySatisfy(m -> assertThat(m.entityId()).isEqualTo("vigil-al-qaeda"));
  }

  static Source source() {
    return new Source(
        "doc-1",
        SourceKind.DOCUMENT,
        "Test report",
        Reliability.C,
        Marking.of(Tlp.GREEN, "org-a"),
        Optional.empty(),
        Optional.of("sha256:00"),
        Instant.parse("2024-02-01T00:00:00Z"));
  }
}
