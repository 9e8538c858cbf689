/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.extract.ReportFixture.names;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;
import org.vigil.model.Statement;

/**
 * A news-style report written for this test (not a sample report, and nothing here was tuned on
 * it): a defection and a suspected abduction by a foreign service, with claims attributed to
 * officials and media.
 */
class OwnReportTest {
  private static Extraction read;

  @BeforeAll
  static void read() {
    read = ReportFixture.read("defection-report.txt");
  }

  private static List<ExtractedEvent> events(String kind) {
    return ReportFixture.events(read, kind);
  }

  @Test
  void defectionNamesTheDefectorWhatHeLeftAndWhoSaysSo() {
    assertThat(events("defection"))
        .anySatisfy(
            e -> {
              assertThat(names(e, "defector")).anyMatch(n -> n.contains("Rostami"));
              assertThat(names(e, "from")).contains("Ministry of Intelligence and Security");
              assertThat(e.attribution().claimant().map(Mention::name).orElse(""))
                  .contains("Interior Ministry");
              assertThat(e.date())
                  .hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2026-02"));
            });
  }

  @Test
  void suspectedAbductionHasVictimPerpetratorPlaceAndAHedgedStance() {
    assertThat(events("kidnapping"))
        .anySatisfy(
            e -> {
              assertThat(names(e, "victim")).contains("Kaveh Jafari");
              assertThat(names(e, "perpetrator")).contains("Ministry of Intelligence and Security");
              assertThat(e.place()).hasValue("Istanbul");
              assertThat(e.attribution().stance()).isEqualTo(Stance.SPECULATES);
            });
  }

  @Test
  void arrestIsClaimedByTheAgencyAndTehranDeniesTheAbduction() {
    assertThat(read.claims())
        .anySatisfy(
            c -> {
              assertThat(c.claimant().name()).isEqualTo("Anadolu Agency");
              assertThat(c.stance()).isEqualTo(Stance.ASSERTS);
            })
        .anySatisfy(
            c -> {
              assertThat(c.claimant().name()).isEqualTo("Tehran");
              assertThat(c.stance()).isEqualTo(Stance.DENIES);
              // "Tehran denied the reports": the deed reported of the ministry, not the arrest
              assertThat(c.claimed()).isInstanceOf(ExtractedEvent.class);
              ExtractedEvent denied = (ExtractedEvent) c.claimed();
              assertThat(denied.kind()).isEqualTo("kidnapping");
              assertThat(names(denied, "victim")).contains("Kaveh Jafari");
            });
  }

  @Test
  void statementsKeepTheRolesAndTheDenialWithTheirSpans() {
    List<Statement> statements = read.toStatements(ExtractorTest.source());

    assertThat(statements)
        .anySatisfy(
            st -> {
              assertThat(st.schema()).isEqualTo(Schema.EVENT);
              assertThat(st.property()).isEqualTo("summary");
              assertThat(st.value())
                  .contains("victim: Kaveh Jafari")
                  .contains("stance: speculates");
              assertThat(st.span()).isPresent();
            })
        .anySatisfy(
            st -> {
              assertThat(st.property()).isEqualTo("summary");
              assertThat(st.value()).contains("claimant: Tehran").contains("stance: denies");
            });
  }

  @Test
  void statementsKeepClaimantStanceAndRolesAsStatementsOfTheirOwn() {
    List<Statement> statements = read.toStatements(ExtractorTest.source());

    assertThat(statements)
        .anySatisfy(
            st -> {
              assertThat(st.property()).isEqualTo("participant");
              assertThat(st.value()).startsWith("victim: ");
            })
        .anySatisfy(
            st -> {
              assertThat(st.property()).isEqualTo("claimant");
              assertThat(st.value()).isEqualTo("Tehran");
            })
        .anySatisfy(
            st -> {
              assertThat(st.property()).isEqualTo("stance");
              assertThat(st.value()).isEqualTo("denies");
            });
  }

  @Test
  void everyPropertyTheSchemaHasIsStored() {
    Mention person =
        new Mention(
            "Farhad Rostami",
            MentionType.PERSON,
            0,
            14,
            "x-person-rostami",
            Optional.of(Schema.PERSON),
            Optional.empty(),
            "test",
            0.9);
    ExtractedProperty position =
        new ExtractedProperty(
            person,
            "position",
            "deputy director",
            "Farhad Rostami, the deputy director",
            0,
            35,
            "rule:test",
            0.7);
    Extraction extraction =
        new Extraction(
            List.of(person),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(position),
            List.of());

    assertThat(extraction.toStatements(ExtractorTest.source()))
        .anySatisfy(
            st -> {
              assertThat(st.entityId()).isEqualTo("x-person-rostami");
              assertThat(st.property()).isEqualTo("position");
              assertThat(st.value()).isEqualTo("deputy director");
              assertThat(st.extractor()).isEqualTo("rule:test");
            });
  }
}
