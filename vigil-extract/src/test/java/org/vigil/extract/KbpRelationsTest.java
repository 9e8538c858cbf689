/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;

/** CoreNLP's KBP relations mapped to Vigil's edges and positions. */
class KbpRelationsTest {
  private static final String SENTENCE =
      "Esmaeil Khatib, the minister of intelligence, works for the Ministry of Intelligence.";

  private static KbpRelations.Span span(String text, String part, String tag) {
    int at = text.indexOf(part);
    return new KbpRelations.Span(at, at + part.length(), tag);
  }

  private static KbpRelations.Triple triple(
      String text, String relation, String subject, String subjectTag, String object, String tag) {
    return new KbpRelations.Triple(
        relation,
        span(text, subject, subjectTag),
        span(text, object, tag),
        new KbpRelations.Span(0, text.length(), ""),
        0.9);
  }

  @Test
  void governmentBodiesCompaniesAndPlacesEmployOthersHaveMembers() {
    assertThat(KbpRelations.employer("Ministry of Intelligence", "ORGANIZATION")).isTrue();
    assertThat(KbpRelations.employer("Iranian government", "ORGANIZATION")).isTrue();
    assertThat(KbpRelations.employer("Islamic Revolutionary Guard Corps", "ORGANIZATION")).isTrue();
    assertThat(KbpRelations.employer("Federal Bureau of Investigation", "ORGANIZATION")).isTrue();
    assertThat(KbpRelations.employer("Mahan Air Co.", "ORGANIZATION")).isTrue();
    assertThat(KbpRelations.employer("Bank Melli", "ORGANIZATION")).isTrue();
    assertThat(KbpRelations.employer("Iran", "COUNTRY")).isTrue();
    assertThat(KbpRelations.employer("Hezbollah", "ORGANIZATION")).isFalse();
    assertThat(KbpRelations.employer("Kata'ib Hizballah", "ORGANIZATION")).isFalse();
    assertThat(KbpRelations.employer("Democratic Party", "ORGANIZATION")).isFalse();
  }

  @Test
  void mapsTheThreeRelationsAndLeavesTheRestOut() {
    String text = SENTENCE + " Hezbollah is led by Naim Qassem, who was born in Beirut.";
    List<KbpRelations.Triple> triples =
        List.of(
            triple(text, "per:title", "Esmaeil Khatib", "PERSON", "minister", "TITLE"),
            triple(
                text,
                "per:employee_or_member_of",
                "Esmaeil Khatib",
                "PERSON",
                "Ministry of Intelligence",
                "ORGANIZATION"),
            triple(
                text,
                "org:top_members/employees",
                "Hezbollah",
                "ORGANIZATION",
                "Naim Qassem",
                "PERSON"),
            triple(text, "per:city_of_birth", "Naim Qassem", "PERSON", "Beirut", "CITY"));

    KbpReading reading = KbpRelations.map(text, triples);

    assertThat(reading.positions()).hasSize(1);
    PersonPosition position = reading.positions().get(0);
    assertThat(position.person().name()).isEqualTo("Esmaeil Khatib");
    assertThat(position.position()).isEqualTo("minister");
    assertThat(reading.relations()).hasSize(2);
    Relation employment = reading.relations().get(0);
    assertThat(employment.schema()).isEqualTo(Schema.EMPLOYMENT);
    assertThat(employment.source().name()).isEqualTo("Esmaeil Khatib");
    assertThat(employment.target().name()).isEqualTo("Ministry of Intelligence");
    assertThat(employment.role()).contains("minister");
    assertThat(employment.extractor()).isEqualTo(KbpRelations.EXTRACTOR);
    assertThat(employment.confidence()).isEqualTo(0.9);
    assertThat(text.substring(employment.start(), employment.end()))
        .isEqualTo(employment.evidence());
    Relation leader = reading.relations().get(1);
    assertThat(leader.schema()).isEqualTo(Schema.EMPLOYMENT);
    assertThat(leader.source().name()).isEqualTo("Naim Qassem");
    assertThat(leader.target().name()).isEqualTo("Hezbollah");
    assertThat(leader.role()).contains("top member");
  }

  @Test
  void aMemberOfAGroupIsAMembershipAndAPlaceIsItsGovernment() {
    String text = "Ali Musa Daqduq was a member of Hezbollah and worked for Iran.";
    KbpReading reading =
        KbpRelations.map(
            text,
            List.of(
                triple(
                    text,
                    "per:employee_or_member_of",
                    "Ali Musa Daqduq",
                    "PERSON",
                    "Hezbollah",
                    "ORGANIZATION"),
                triple(
                    text,
                    "per:employee_or_member_of",
                    "Ali Musa Daqduq",
                    "PERSON",
                    "Iran",
                    "COUNTRY")));

    assertThat(reading.relations())
        .extracting(r -> r.schema() + " " + r.target().name() + " " + r.target().schema())
        .containsExactly(
            "MEMBERSHIP Hezbollah Optional[ORGANIZATION]",
            "EMPLOYMENT Government of Iran Optional[PUBLIC_BODY]");
    assertThat(reading.relations()).allMatch(r -> r.role().isEmpty());
  }

  @Test
  void positionsBecomePersonStatements() {
    String text = SENTENCE;
    KbpReading reading =
        KbpRelations.map(
            text, List.of(triple(text, "per:title", "Esmaeil Khatib", "PERSON", "minister", "T")));
    Source source = ExtractorTest.source();

    List<Statement> statements = reading.toStatements(source);

    assertThat(statements)
        .extracting(s -> s.schema() + " " + s.property() + "=" + s.value())
        .containsExactly("PERSON name=Esmaeil Khatib", "PERSON position=minister");
    assertThat(statements).allMatch(s -> s.extractor().equals(KbpRelations.EXTRACTOR));
  }

  @Test
  void coreNlpsKbpPipelineReadsTheMinister() {
    assumeTrue(
        KbpRelations.isAvailable(),
        "CoreNLP's full models jar is not on the class path (missing "
            + KbpRelations.missingModel().orElse("")
            + "); skipping the KBP pipeline");

    KbpReading reading = new KbpRelations().read(SENTENCE);

    assertThat(reading.positions())
        .extracting(p -> p.person().name() + ": " + p.position())
        .contains("Esmaeil Khatib: minister");
    assertThat(reading.relations())
        .extracting(r -> r.schema() + " " + r.source().name() + " -> " + r.target().name())
        .contains("EMPLOYMENT Esmaeil Khatib -> Ministry of Intelligence");
  }
}
