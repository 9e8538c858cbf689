/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.model.StatementBatch;

/**
 * The whole reading, end to end with CoreNLP's recogniser and parser and no relation model, on
 * short reports written for this test: the rule families, coreference and attribution together.
 */
class ReadingPipelineTest {
  private static final Extractor READING =
      Extractor.create()
          .withRecogniser(CoreNlpRecogniser.shared())
          .withParser(DependencyParser.shared());

  @Test
  void sanctionedRingItsLeaderAndTheBodyItActsForComeFromTheDescribedRing() {
    Extraction x =
        READING.extract(
            "On 12 May 2023, the Treasury and Canada sanctioned a Balkan arms-trafficking ring"
                + " led by Goran Vuk. According to the announcement, the ring acted on behalf of"
                + " Serbia's Military Security Agency.");

    ExtractedEvent sanction = x.firstEvent("sanction").orElseThrow();
    Mention ring = sanction.participants().get(0);
    assertThat(ring.text()).isEqualTo("a Balkan arms-trafficking ring");
    assertThat(sanction.date()).map(Object::toString).hasValue("2023-05-12");
    assertThat(sanction.authority())
        .hasValueSatisfying(a -> assertThat(a).contains("Treasury", "Canada"));
    Relation leads = only(x.relations(), Schema.EMPLOYMENT);
    assertThat(leads.source().text()).isEqualTo("Goran Vuk");
    assertThat(leads.target().entityId()).isEqualTo(ring.entityId());
    assertThat(leads.role()).hasValue("leader");
    Relation acts = only(x.relations(), Schema.MEMBERSHIP);
    assertThat(acts.source().entityId()).isEqualTo(ring.entityId());
    assertThat(acts.target().text()).isEqualTo("Military Security Agency");
  }

  @Test
  void ringReferredToBeforeAnyRingIsDescribedIsLeftOut() {
    Extraction x = READING.extract("The ring was led by Goran Vuk, a smuggler from Bar.");

    assertThat(x.relations()).noneMatch(r -> r.schema() == Schema.EMPLOYMENT);
    assertThat(x.mentions()).extracting(Mention::text).doesNotContain("The ring");
  }

  @Test
  void officeHeldSinceAMonthIsDatedEmploymentWithTheOfficeAsWritten() {
    Extraction x =
        READING.extract(
            "Marta Kowalczyk has been head of the Internal Security Agency since May 2018.");

    Relation job = only(x.relations(), Schema.EMPLOYMENT);
    assertThat(job.source().text()).isEqualTo("Marta Kowalczyk");
    assertThat(job.target().text()).contains("Internal Security Agency");
    assertThat(job.role()).hasValueSatisfying(r -> assertThat(r).startsWith("head of"));
    assertThat(job.startDate()).map(Object::toString).hasValue("2018-05");
    List<Statement> statements = x.toStatements(ExtractorTest.source());
    assertThat(StatementBatch.problems(statements)).isEmpty();
    assertThat(statements)
        .anySatisfy(
            s -> {
              assertThat(s.property()).isEqualTo("startDate");
              assertThat(s.value()).isEqualTo("2018-05");
              assertThat(s.extractor()).isEqualTo("rule:role-since");
            });
  }

  @Test
  void arrestClaimedAndDeniedIsTwoClaimsOfOppositeStanceAndDisputed() {
    Extraction x =
        READING.extract(
            "Russia's Federal Security Service said it had arrested nine MI6 agents in Moscow."
                + " Prime Minister Edward Hale called the claims completely false.");

    List<Claim> arrests =
        x.claims().stream()
            .filter(c -> c.claimed() instanceof ExtractedEvent e && e.kind().equals("arrest"))
            .toList();
    assertThat(arrests).extracting(Claim::stance).containsExactly(Stance.ASSERTS, Stance.DENIES);
    assertThat(arrests.get(0).claimant().text()).isEqualTo("Federal Security Service");
    assertThat(arrests.get(1).claimant().text()).isEqualTo("Edward Hale");
    ExtractedEvent arrest = x.firstEvent("arrest").orElseThrow();
    assertThat(arrest.disputed()).isTrue();
    assertThat(arrest.inRole("subject's affiliation")).extracting(Mention::text).contains("MI6");
    assertThat(x.toStatements(ExtractorTest.source()))
        .filteredOn(s -> s.schema() == Schema.EVENT && s.property().equals("status"))
        .extracting(Statement::value)
        .contains("disputed");
  }

  @Test
  void falseFlagIsNoDenial() {
    Extraction x =
        READING.extract("The Lisbon cell used false flag recruitment in the name of Spain.");

    assertThat(x.claims()).noneMatch(c -> c.stance() == Stance.DENIES);
  }

  @Test
  void citedHeadlineAfterSourceIsNotAnEvent() {
    Extraction x =
        READING.extract("Source: Russia Says It Arrested British Spies – The Daily Herald");

    assertThat(x.events()).isEmpty();
  }

  @Test
  void sameTextGivesTheSameStatements() {
    String text = "On 3 March 2025, the European Union and Japan sanctioned Lev Orlov.";
    Source source = ExtractorTest.source();

    assertThat(READING.extract(text).toStatements(source).stream().map(Statement::id).toList())
        .isEqualTo(READING.extract(text).toStatements(source).stream().map(Statement::id).toList());
  }

  private static Relation only(List<Relation> relations, Schema schema) {
    List<Relation> of = relations.stream().filter(r -> r.schema() == schema).toList();
    assertThat(of).as("%s relations in %s", schema, relations).hasSize(1);
    return of.get(0);
  }
}
