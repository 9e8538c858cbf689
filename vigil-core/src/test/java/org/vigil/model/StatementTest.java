/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementTest {
  private static final Source REPORT =
      new Source(
          "doc-1",
          SourceKind.DOCUMENT,
          "Treasury press release",
          Reliability.B,
          Marking.of(Tlp.GREEN, "unit-a"),
          Optional.empty(),
          Optional.empty(),
          Instant.parse("2024-01-30T00:00:00Z"));

  @Test
  void theSameFactFromTheSamePlaceHasTheSameId() {
    Statement a = name("ent-1", "Naji Ibrahim Sharifi-Zindashti", 10, 40);
    Statement b = name("ent-1", "Naji  Ibrahim Sharifi-Zindashti ", 10, 40);
    Statement elsewhere = name("ent-1", "Naji Ibrahim Sharifi-Zindashti", 200, 230);
    assertThat(a.id()).isEqualTo(b.id()).hasSize(32);
    assertThat(a.id()).isNotEqualTo(elsewhere.id());
  }

  @Test
  void takesTheSourceMarkingUnlessGivenOne() {
    assertThat(name("ent-1", "MOIS", 0, 4).marking()).isEqualTo(REPORT.marking());
    Statement strict =
        Statement.about("ent-1", Schema.PUBLIC_BODY)
            .set("name", "MOIS")
            .marking(Marking.of(Tlp.AMBER_STRICT, "unit-a"))
            .from(REPORT)
            .build();
    assertThat(strict.marking().tlp()).isEqualTo(Tlp.AMBER_STRICT);
  }

  @Test
  void keepsItsProvenance() {
    Statement s =
        Statement.about("ent-2", Schema.PERSON)
            .set("position", "Minister of Intelligence")
            .from(REPORT)
            .span(120, 160)
            .extractor("pattern:leadership", 0.82)
            .credibility(Credibility.PROBABLY_TRUE)
            .build();
    assertThat(s.span()).contains(new Span(120, 160));
    assertThat(s.extractor()).isEqualTo("pattern:leadership");
    assertThat(s.confidence()).isEqualTo(0.82);
    assertThat(s.credibility()).contains(Credibility.PROBABLY_TRUE);
    assertThat(s.sourceId()).isEqualTo("doc-1");
  }

  @Test
  void rejectsConfidenceOutsideTheUnitInterval() {
    assertThatThrownBy(
            () ->
                Statement.about("ent-1", Schema.PERSON)
                    .set("name", "x")
                    .from(REPORT)
                    .extractor("crf", 1.5)
                    .build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("1.5");
  }

  @Test
  void anEdgeWithoutItsTargetIsAProblemOfTheBatch() {
    List<Statement> batch =
        List.of(
            Statement.about("m-1", Schema.MEMBERSHIP).set("member", "ent-2").from(REPORT).build(),
            Statement.about("m-1", Schema.MEMBERSHIP)
                .set("role", "operative")
                .from(REPORT)
                .build());
    assertThat(StatementBatch.problems(batch))
        .singleElement()
        .asString()
        .contains("Membership m-1 has no 'organization'");
  }

  @Test
  void aWholeEdgeIsNoProblem() {
    List<Statement> batch =
        List.of(
            Statement.about("m-1", Schema.MEMBERSHIP).set("member", "ent-2").from(REPORT).build(),
            Statement.about("m-1", Schema.MEMBERSHIP)
                .set("organization", "ent-1")
                .from(REPORT)
                .build());
    assertThat(StatementBatch.problems(batch)).isEmpty();
  }

  @Test
  void anEntityCannotBeAPersonAndAVessel() {
    List<Statement> batch =
        List.of(
            Statement.about("x-1", Schema.PERSON).set("name", "Adrian Darya").from(REPORT).build(),
            Statement.about("x-1", Schema.VESSEL).set("imoNumber", "9116412").from(REPORT).build());
    assertThat(StatementBatch.problems(batch)).anyMatch(p -> p.contains("both Person and Vessel"));
  }

  @Test
  void anAssembledEntityTakesTheMostSpecificSchema() {
    Entity e =
        Entity.assemble(
            "ent-1",
            List.of("ent-1"),
            List.of(
                Statement.about("ent-1", Schema.LEGAL_ENTITY)
                    .set("name", "MOIS")
                    .from(REPORT)
                    .build(),
                Statement.about("ent-1", Schema.PUBLIC_BODY)
                    .set("country", "ir")
                    .from(REPORT)
                    .build()));
    assertThat(e.schema()).isEqualTo(Schema.PUBLIC_BODY);
    assertThat(e.caption()).isEqualTo("MOIS");
    assertThat(e.values("country")).containsExactly("ir");
  }

  private static Statement name(String entity, String value, int start, int end) {
    return Statement.about(entity, Schema.PERSON)
        .set("name", value)
        .from(REPORT)
        .span(start, end)
        .build();
  }
}
