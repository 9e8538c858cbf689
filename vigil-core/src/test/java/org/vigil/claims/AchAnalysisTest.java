/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;

/** The worked example of docs/analysis.md, computed there by hand. */
class AchAnalysisTest {
  static final String H1 = "MOIS arrested people working for the CIA";
  static final String H2 = "The announcement was fabricated";

  static List<AchEvidence> evidence(String documentaryOrigin) {
    return List.of(
        new AchEvidence(
            "E1",
            "MOIS press conference: 17 CIA spies arrested",
            Optional.of("vigil-ir-mois"),
            Reliability.C,
            Credibility.POSSIBLY_TRUE),
        new AchEvidence(
            "E2",
            "Documentary released by the Iranian authorities",
            Optional.of(documentaryOrigin),
            Reliability.C,
            Credibility.POSSIBLY_TRUE),
        new AchEvidence(
            "E3",
            "President Trump: the claims are \"totally false\"",
            Optional.of("trump"),
            Reliability.B,
            Credibility.POSSIBLY_TRUE),
        new AchEvidence(
            "E4",
            "Yahoo News: Iran penetrated the CIA's covert communications",
            Optional.of("yahoo-news"),
            Reliability.B,
            Credibility.PROBABLY_TRUE));
  }

  static List<AchMatrix.Cell> rows(String... ratings) {
    List<AchMatrix.Cell> out = new ArrayList<>();
    for (int i = 0; i < ratings.length; i++) {
      String[] pair = ratings[i].split(",");
      out.add(new AchMatrix.Cell("E" + (i + 1), H1, AchRating.parse(pair[0])));
      out.add(new AchMatrix.Cell("E" + (i + 1), H2, AchRating.parse(pair[1])));
    }
    return out;
  }

  static AchMatrix example(String documentaryOrigin) {
    Map<String, List<AchMatrix.Cell>> ratings = new LinkedHashMap<>();
    ratings.put("alice", rows("C,C", "C,I", "I,C", "C,I"));
    ratings.put("bob", rows("C,C", "C,N", "I,C", "N,I"));
    return new AchMatrix(List.of(H1, H2), evidence(documentaryOrigin), ratings);
  }

  @Test
  void inconsistencyScoresMatchTheHandComputedExample() {
    AchAnalysis a = AchAnalysis.of(example("vigil-ir-mois"));
    AchAnalysis.View alice = a.views().get(0);
    assertThat(alice.analyst()).isEqualTo("alice");
    assertThat(alice.ranking()).extracting(AchAnalysis.Score::hypothesis).containsExactly(H1, H2);
    assertThat(alice.ranking().get(0).inconsistency()).isCloseTo(0.375, within(1e-9));
    assertThat(alice.ranking().get(1).inconsistency()).isCloseTo(0.6875, within(1e-9));
    assertThat(alice.leader()).contains(H1);
    assertThat(alice.diagnosticity())
        .containsExactly(
            Map.entry("E1", 0.0), Map.entry("E2", 0.5), Map.entry("E3", 0.5), Map.entry("E4", 0.5));
  }

  @Test
  void itemsOfOneOriginCountOnce() {
    AchAnalysis.View shared = AchAnalysis.of(example("vigil-ir-mois")).views().get(0);
    AchAnalysis.View apart = AchAnalysis.of(example("press-tv")).views().get(0);
    assertThat(shared.ranking().get(1).inconsistency()).isCloseTo(0.6875, within(1e-9));
    assertThat(apart.ranking().get(1).inconsistency()).isCloseTo(0.8125, within(1e-9));
  }

  @Test
  void theLeaderRestingOnOneItemIsALinchpinWarning() {
    AchAnalysis a = AchAnalysis.of(example("vigil-ir-mois"));
    assertThat(a.views().get(0).linchpins()).containsExactly("E4");
    assertThat(a.views().get(0).linchpinWarning()).isTrue();
    assertThat(a.views().get(1).linchpins()).containsExactly("E4");
  }

  @Test
  void eachAnalystKeepsTheirOwnScoresAndTheirDisagreementsAreListed() {
    AchAnalysis a = AchAnalysis.of(example("vigil-ir-mois"));
    AchAnalysis.View bob = a.views().get(1);
    assertThat(bob.ranking().get(0).inconsistency()).isCloseTo(0.375, within(1e-9));
    assertThat(bob.ranking().get(1).inconsistency()).isCloseTo(0.5625, within(1e-9));
    assertThat(a.disagreements())
        .extracting(d -> d.evidenceId() + "/" + (d.hypothesis().equals(H1) ? "H1" : "H2"))
        .containsExactly("E2/H2", "E4/H1");
    assertThat(a.disagreements().get(0).byAnalyst())
        .containsExactly(
            Map.entry("alice", AchRating.INCONSISTENT), Map.entry("bob", AchRating.NEUTRAL));
  }

  @Test
  void aTieLeavesNoLeaderAndNoLinchpin() {
    Map<String, List<AchMatrix.Cell>> ratings = new LinkedHashMap<>();
    ratings.put("carol", rows("C,C", "C,C", "C,C", "C,C"));
    AchAnalysis.View v =
        AchAnalysis.of(new AchMatrix(List.of(H1, H2), evidence("x"), ratings)).views().get(0);
    assertThat(v.leader()).isEmpty();
    assertThat(v.linchpins()).isEmpty();
  }

  @Test
  void aMatrixWithoutHypothesesOrWithThousandsOfItemsIsRefused() {
    assertThatThrownBy(() -> new AchMatrix(List.of(), evidence("x"), Map.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at least one hypothesis");
    List<AchEvidence> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      many.add(
          new AchEvidence(
              "e" + i, "item", Optional.empty(), Reliability.F, Credibility.CANNOT_BE_JUDGED));
    }
    assertThatThrownBy(() -> new AchMatrix(List.of(H1), many, Map.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most 500 items of evidence, not 2000");
    assertThatThrownBy(
            () ->
                new AchMatrix(
                    List.of(H1),
                    evidence("x"),
                    Map.of("dave", List.of(new AchMatrix.Cell("E9", H1, AchRating.CONSISTENT)))))
        .hasMessageContaining("no evidence 'E9'");
  }
}
