/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Credibility;
import org.vigil.model.Tlp;

class StixOpinionsTest {
  private static final Instant T = Instant.parse("2024-02-01T09:00:00Z");

  private static ObjectNode claimObject(String entityId, Tlp tlp, String summary) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", "relationship");
    o.put("spec_version", "2.1");
    o.put("id", StixIds.of("relationship", entityId));
    o.put("created", "2024-01-30T12:00:00.000Z");
    o.put("modified", "2024-01-30T12:00:00.000Z");
    o.putArray("object_marking_refs").add(TlpMarkings.id(tlp));
    o.put("x_vigil_entity_id", entityId);
    if (!summary.isEmpty()) {
      o.putObject("x_vigil_properties").putArray("summary").add(summary);
    }
    return o;
  }

  private static AnalystJudgement graded(String claim, Credibility c) {
    return new AnalystJudgement(claim, c, "agency:alice", "alice", "seen the papers", T);
  }

  private static List<ObjectNode> opinions(StixObjects objects) {
    return objects.objects().stream()
        .filter(o -> o.get("type").asText().equals("opinion"))
        .toList();
  }

  @Test
  void credibilityOneToFiveIsAgreementFromStronglyAgreeToStronglyDisagreeAndSixIsNoOpinion() {
    assertThat(List.of(Credibility.values()))
        .extracting(c -> StixOpinions.agreement(c).orElse("none"))
        .containsExactly(
            "strongly-agree", "agree", "neutral", "disagree", "strongly-disagree", "none");
  }

  @Test
  void anAnalystsGradeIsTheirOpinionOfTheClaimUnderTheClaimsMarkingAndTheirIdentity() {
    ObjectNode claim = claimObject("m-1", Tlp.AMBER, "");
    StixObjects out =
        StixOpinions.add(
            new StixObjects(List.of(claim), List.of()),
            List.of(graded("m-1", Credibility.DOUBTFUL)));
    ObjectNode opinion = opinions(out).get(0);
    assertThat(opinion.get("opinion").asText()).isEqualTo("disagree");
    assertThat(opinion.get("object_refs").get(0).asText()).isEqualTo(claim.get("id").asText());
    assertThat(opinion.get("object_marking_refs").get(0).asText())
        .isEqualTo(TlpMarkings.id(Tlp.AMBER));
    assertThat(opinion.get("labels").get(0).asText())
        .isEqualTo("admiralty-scale:information-credibility=\"4\"");
    assertThat(opinion.get("created_by_ref").asText())
        .isEqualTo(StixOpinions.analystIdentity("agency:alice"));
    assertThat(out.objects())
        .filteredOn(o -> o.get("type").asText().equals("identity"))
        .singleElement()
        .satisfies(i -> assertThat(i.get("name").asText()).isEqualTo("alice"))
        .satisfies(
            i ->
                assertThat(i.get("object_marking_refs").get(0).asText())
                    .isEqualTo(TlpMarkings.id(Tlp.AMBER)));
    // The same grade gives the same opinion id in every export.
    assertThat(
            opinions(
                    StixOpinions.add(
                        new StixObjects(List.of(claim), List.of()),
                        List.of(graded("m-1", Credibility.DOUBTFUL))))
                .get(0)
                .get("id"))
        .isEqualTo(opinion.get("id"));
  }

  @Test
  void aGradeOnAClaimTheExportDoesNotHoldOrOfSixGivesNothing() {
    StixObjects out =
        StixOpinions.add(
            new StixObjects(List.of(claimObject("m-1", Tlp.GREEN, "")), List.of()),
            List.of(
                graded("red-claim", Credibility.CONFIRMED),
                graded("m-1", Credibility.CANNOT_BE_JUDGED)));
    assertThat(out.objects()).hasSize(1);
  }

  @Test
  void aNamedClaimantsStanceIsTheirOpinionAndAnUnnamedOrUnknownOneIsNone() {
    StixObjects out =
        StixOpinions.add(
            new StixObjects(
                List.of(
                    claimObject("e-denied", Tlp.GREEN, "claimant: Trump; stance: denies"),
                    claimObject("e-alleged", Tlp.GREEN, "stance: alleges"),
                    claimObject("e-odd", Tlp.GREEN, "claimant: Someone; stance: shrugs")),
                List.of()),
            List.of());
    assertThat(opinions(out))
        .singleElement()
        .satisfies(o -> assertThat(o.get("opinion").asText()).isEqualTo("strongly-disagree"))
        .satisfies(o -> assertThat(o.get("authors").get(0).asText()).isEqualTo("Trump"))
        .satisfies(o -> assertThat(o.has("created_by_ref")).isFalse());
  }
}
