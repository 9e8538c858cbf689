/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanScorerTest {
  private static final TypedSpan KURDISH_YPG = new TypedSpan(EntityType.ORGANISATION, 10, 25);
  private static final TypedSpan YPG = new TypedSpan(EntityType.ORGANISATION, 22, 25);
  private static final TypedSpan SYRIA = new TypedSpan(EntityType.LOCATION, 30, 35);

  @Test
  void overlapFindsTheShorterNameButExactDoesNot() {
    List<TypedSpan> gold = List.of(KURDISH_YPG, SYRIA);
    List<TypedSpan> predicted = List.of(YPG, SYRIA);

    assertThat(SpanScorer.score(gold, predicted, MatchMode.EXACT).get(EntityType.ORGANISATION))
        .isEqualTo(new Counts(1, 1, 0));
    assertThat(SpanScorer.score(gold, predicted, MatchMode.OVERLAP).get(EntityType.ORGANISATION))
        .isEqualTo(new Counts(1, 1, 1));
    assertThat(SpanScorer.score(gold, predicted, MatchMode.EXACT).get(EntityType.LOCATION))
        .isEqualTo(new Counts(1, 1, 1));
  }

  @Test
  void aGoldSpanIsFoundOnceAndTypesMustAgree() {
    List<TypedSpan> gold = List.of(KURDISH_YPG);
    List<TypedSpan> predicted =
        List.of(
            new TypedSpan(EntityType.ORGANISATION, 10, 17),
            YPG,
            new TypedSpan(EntityType.LOCATION, 10, 25));

    assertThat(SpanScorer.score(gold, predicted, MatchMode.OVERLAP).get(EntityType.ORGANISATION))
        .isEqualTo(new Counts(1, 2, 1));
    assertThat(SpanScorer.score(gold, predicted, MatchMode.OVERLAP).get(EntityType.LOCATION))
        .isEqualTo(new Counts(0, 1, 0));
  }

  @Test
  void exactPairsComeFirstSoAnOverlapDoesNotStealAGoldSpan() {
    List<TypedSpan> gold = List.of(KURDISH_YPG, YPG);
    List<TypedSpan> predicted = List.of(new TypedSpan(EntityType.ORGANISATION, 15, 25), YPG);

    assertThat(SpanScorer.score(gold, predicted, MatchMode.OVERLAP).get(EntityType.ORGANISATION))
        .isEqualTo(new Counts(2, 2, 2));
  }

  @Test
  void precisionRecallAndF1() {
    Counts c = new Counts(10, 8, 6);

    assertThat(c.precision()).isEqualTo(0.75);
    assertThat(c.recall()).isEqualTo(0.6);
    assertThat(c.f1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Counts.ZERO.f1()).isZero();
  }
}
