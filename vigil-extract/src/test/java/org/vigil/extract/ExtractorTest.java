/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.StatementBatch;
import org.vigil.model.Tlp;

class ExtractorTest {
  private static final Extractor EXTRACTOR = Extractor.create();

  @Test
  void leadershipAffiliationAndAcronymAreReadFromOneSentence() {
    String first = "The Treasury announced sanctions against a smuggling network. ";
    String text =
        "The network was led by Naji Ibrahim Sharifi-Zindashti, who acted on behalf of Iran's "
            + "Ministry of Intelligence and Security (MOIS).";
    Extraction x = EXTRACTOR.extract(first + text);

    Relation leads = only(x.relations(), Schema.EMPLOYMENT);
    assertThat(leads.source().text()).isEqualTo("Naji Ibrahim Sharifi-Zindashti");
    assertThat(leads.source().type()).isEqualTo(MentionType.PERSON);
    assertThat(leads.target().text()).isEqualTo("a smuggling network");
    assertThat(leads.role()).hasValue("leader");
    assertThat(leads.extractor()).isEqualTo("pattern:leadership");
    assertThat(leads.evidence()).isEqualTo(text);

    Relation works = only(x.relations(), Schema.MEMBERSHIP);
    assertThat(works.source().text()).isEqualTo("Naji Ibrahim Sharifi-Zindashti");
    assertThat(works.target().entityId()).isEqualTo("vigil-ir-mois");

    assertThat(x.acronyms())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.shortForm()).isEqualTo("MOIS");
              assertThat(a.longForm()).isEqualTo("Ministry of Intelligence and Security");
              assertThat(a.entityId()).isEqualTo("vigil-ir-mois");
            });
  }

  @Test
  void networkNamedBeforeNothingIsLeftOutRatherThanMadeAnEntity() {
    Extraction x =
        EXTRACTOR.extract(
            "The network was led by Naji Ibrahim Sharifi-Zindashti, who acted on behalf of "
                + "Iran's Ministry of Intelligence and Security (MOIS).");

    assertThat(x.relations()).noneMatch(r -> r.schema() == Schema.EMPLOYMENT);
    assertThat(x.mentions()).extracting(Mention::text).doesNotContain("The network");
    assertThat(x.relations()).anyMatch(r -> r.target().entityId().equals("vigil-ir-mois"));
  }

  @Test
  void ministerSinceAMonthIsEmploymentWithRoleAndStartDate() {
    Extraction x =
        EXTRACTOR.extract("Esmaeil Khatib has been Minister of Intelligence since August 2021.");

    Relation job = only(x.relations(), Schema.EMPLOYMENT);
    assertThat(job.source().text()).isEqualTo("Esmaeil Khatib");
    assertThat(job.target().entityId()).isEqualTo("vigil-ir-mois");
    assertThat(job.role()).hasValue("minister of Intelligence");
    assertThat(job.startDate()).map(Object::toString).hasValue("2021-08");
  }

  @Test
  void sanctionByTwoAuthoritiesIsASanctionEventWithDate() {
    Extraction x =
        EXTRACTOR.extract(
            "On 29 January 2024, OFAC and the UK sanctioned Naji Ibrahim Sharifi-Zindashti and "
                + "his network.");

    ExtractedEvent sanction = x.firstEvent("sanction").orElseThrow();
    assertThat(sanction.schema()).isEqualTo(Schema.SANCTION);
    assertThat(sanction.participants())
        .extracting(Mention::text)
        .containsExactly("Naji Ibrahim Sharifi-Zindashti");
    assertThat(sanction.authority()).hasValue("OFAC; UK");
    assertThat(sanction.date()).map(Object::toString).hasValue("2024-01-29");
  }

  @Test
  void sanctionAgainstAnUnnamedNetworkTargetsTheNetwork() {
    Extraction x =
        EXTRACTOR.extract(
            "On January 29, 2024, the Office of Foreign Assets Control (OFAC) and the United "
                + "Kingdom imposed sanctions on a criminal smuggling network. This network, run "
                + "for the ministry and directed by the convicted smuggler Naji Ibrahim "
                + "Sharifi-Zindashti, planned killings abroad.");

    ExtractedEvent sanction = x.firstEvent("sanction").orElseThrow();
    Mention network = sanction.participants().get(0);
    assertThat(network.text()).isEqualTo("a criminal smuggling network");
    Relation leads = only(x.relations(), Schema.EMPLOYMENT);
    assertThat(leads.source().text()).isEqualTo("Naji Ibrahim Sharifi-Zindashti");
    assertThat(leads.target().entityId()).isEqualTo(network.entityId());
  }

  @Test
  void claimCalledTotallyFalseIsRecordedAsDisputed() {
    Extraction x =
        EXTRACTOR.extract(
            "Iran's Ministry of Intelligence claimed it had arrested 17 CIA spies. "
                + "Iran called the report totally false.");

    ExtractedEvent arrest = x.firstEvent("arrest").orElseThrow();
    assertThat(arrest.disputed()).isTrue();
    assertThat(arrest.participants())
        .extracting(Mention::entityId)
        .contains("vigil-ir-mois", "vigil-us-cia");
    assertThat(x.firstEvent("denial")).isPresent();
  }

  @Test
  void denialWithNoClaimBeforeItIsStillRecorded() {
    Extraction x = EXTRACTOR.extract("Iran called the report totally false.");

    assertThat(x.firstEvent("denial"))
        .hasValueSatisfying(e -> assertThat(e.evidence()).contains("totally false"));
  }

  @Test
  void falseFlagIsNotADenial() {
    assertThat(
            EXTRACTOR
                .extract("They used false flag recruitment in the name of Sweden.")
                .firstEvent("denial"))
        .isEmpty();
  }

  @Test
  void namedAttackHasYearAndPlace() {
    Extraction x = EXTRACTOR.extract("Iran was behind the 1983 Beirut Barracks bombing.");

    ExtractedEvent attack = x.firstEvent("attack").orElseThrow();
    assertThat(attack.date()).map(Object::toString).hasValue("1983");
    assertThat(attack.place()).hasValue("Beirut Barracks");
  }

  @Test
  void trainingAndRecruitmentLinkProxiesToTheQudsForce() {
    Extraction x =
        EXTRACTOR.extract(
            "In Iraq, the Quds Force trained and financed militias like the Badr Brigade. "
                + "Quds Force has been coordinating with the PMF to recruit ISIS fighters.");

    Relation trained = only(x.relations(), Schema.MEMBERSHIP);
    assertThat(trained.source().entityId()).isEqualTo("vigil-iq-badr");
    assertThat(trained.target().entityId()).isEqualTo("vigil-ir-irgc-qf");
    ExtractedEvent recruitment = x.firstEvent("recruitment").orElseThrow();
    assertThat(recruitment.participants())
        .extracting(Mention::entityId)
        .containsExactly("vigil-ir-irgc-qf", "vigil-iq-pmf", "vigil-isis");
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
  void statementsCarryProvenanceAndFormWholeEntities() {
    String text = "Esmaeil Khatib has been Minister of Intelligence since August 2021.";
    List<Statement> statements = EXTRACTOR.extract(text).toStatements(source());

    assertThat(StatementBatch.problems(statements)).isEmpty();
    Statement role =
        statements.stream().filter(s -> s.property().equals("role")).findFirst().orElseThrow();
    assertThat(role.schema()).isEqualTo(Schema.EMPLOYMENT);
    assertThat(role.sourceId()).isEqualTo("doc-1");
    assertThat(role.extractor()).isEqualTo("pattern:leadership");
    assertThat(role.span()).hasValueSatisfying(s -> assertThat(s.end()).isEqualTo(text.length()));
    assertThat(role.confidence()).isBetween(0.1, 1.0);
    assertThat(statements)
        .anySatisfy(
            s -> {
              assertThat(s.property()).isEqualTo("startDate");
              assertThat(s.value()).isEqualTo("2021-08");
            });
    assertThat(statements)
        .anySatisfy(
            s -> {
              assertThat(s.entityId()).isEqualTo("vigil-ir-mois");
              assertThat(s.value()).isEqualTo("Ministry of Intelligence and Security");
            });
  }

  @Test
  void disputedSanctionStatementsSayDisputed() {
    List<Statement> statements =
        EXTRACTOR
            .extract(
                "On 29 January 2024, OFAC sanctioned Naji Ibrahim Sharifi-Zindashti. "
                    + "He denied the claims.")
            .toStatements(source());

    assertThat(StatementBatch.problems(statements)).isEmpty();
    assertThat(statements)
        .filteredOn(s -> s.schema() == Schema.SANCTION)
        .extracting(Statement::property)
        .contains("entity", "authority", "listingDate", "status");
  }

  @Test
  void disputedEventStatementsSayDisputed() {
    List<Statement> statements =
        EXTRACTOR
            .extract(
                "Iran's Ministry of Intelligence claimed it had arrested 17 CIA spies. "
                    + "Washington called the report totally false.")
            .toStatements(source());

    assertThat(StatementBatch.problems(statements)).isEmpty();
    assertThat(statements)
        .filteredOn(s -> s.schema() == Schema.EVENT && s.property().equals("status"))
        .extracting(Statement::value)
        .contains("disputed");
  }

  @Test
  void sameTextGivesTheSameStatements() {
    String text = "On 29 January 2024, OFAC and the UK sanctioned Naji Ibrahim Sharifi-Zindashti.";
    Source source = source();

    assertThat(EXTRACTOR.extract(text).toStatements(source).stream().map(Statement::id).toList())
        .isEqualTo(
            EXTRACTOR.extract(text).toStatements(source).stream().map(Statement::id).toList());
  }

  @Test
  void sanctionedNetworkLedBySomeoneTargetsTheNetworkNotItsLeader() {
    Extraction x =
        EXTRACTOR.extract(
            "On 29 January 2024, OFAC and the UK sanctioned a criminal network led by Naji"
                + " Ibrahim Sharifi-Zindashti. According to the announcements, the network acted"
                + " on behalf of Iran's Ministry of Intelligence and Security (MOIS).");

    Mention network = x.firstEvent("sanction").orElseThrow().participants().get(0);
    assertThat(network.text()).isEqualTo("a criminal network");
    Relation leads = only(x.relations(), Schema.EMPLOYMENT);
    assertThat(leads.target().text()).isEqualTo("a criminal network");
    Relation acts = only(x.relations(), Schema.MEMBERSHIP);
    assertThat(acts.source().entityId()).isEqualTo(network.entityId());
    assertThat(acts.target().entityId()).isEqualTo("vigil-ir-mois");
  }

  @Test
  void designationOfEntitiesInvolvedInAnAgencysOperationsLinksTheDesignatedNetworkToIt() {
    Extraction x =
        EXTRACTOR.extract(
            "On 29 January 2024, OFAC announced sanctions against an Iranian criminal network."
                + " Its members smuggled drugs. The designation of individuals and entities"
                + " involved in MOIS operations is a warning.");

    Mention network = x.firstEvent("sanction").orElseThrow().participants().get(0);
    Relation link = only(x.relations(), Schema.MEMBERSHIP);
    assertThat(link.source().entityId()).isEqualTo(network.entityId());
    assertThat(link.target().entityId()).isEqualTo("vigil-ir-mois");
    assertThat(link.role()).hasValue("involved in");
    assertThat(link.evidence()).startsWith("The designation of individuals");
  }

  @Test
  void citedHeadlineAfterSourceIsNotAnEvent() {
    Extraction x =
        EXTRACTOR.extract(
            "Source: Iran Claims to Have Arrested and Executed U.S. Spies – The New York Times");

    assertThat(x.events()).isEmpty();
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

  private static Relation only(List<Relation> relations, Schema schema) {
    List<Relation> of = relations.stream().filter(r -> r.schema() == schema).toList();
    assertThat(of).as("%s relations in %s", schema, relations).hasSize(1);
    return of.get(0);
  }
}
