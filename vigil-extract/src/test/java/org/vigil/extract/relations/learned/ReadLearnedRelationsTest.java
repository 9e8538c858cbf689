/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.extract.EventRole;
import org.vigil.extract.relations.Marked;

class ReadLearnedRelationsTest {
  private static ReadLearnedRelations step;

  @BeforeAll
  static void trainOnTheFixtures() {
    step =
        new ReadLearnedRelations(
            RelationTrainer.train(
                TinyCorpus.examples(),
                new ModelProvenance("0".repeat(64), PairFeatures.VERSION, 10.0, 0.4, 1)));
  }

  @Test
  void workForBecomesAnEmploymentMarkedAsTheModels() {
    LearnedReading read = step.read(Marked.sentence("[P Nadia Rahimi] works for [O Unilever]."));
    assertThat(read.relations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(Marked.link(r)).isEqualTo("Employment Nadia Rahimi -> Unilever");
              assertThat(r.extractor()).isEqualTo(ReadLearnedRelations.EXTRACTOR);
              assertThat(r.confidence()).isBetween(0.4, 1.0);
            });
  }

  @Test
  void killBecomesAKillingWithPerpetratorAndVictim() {
    LearnedReading read = step.read(Marked.sentence("[P Cassius] killed [P Pompey] in [L Egypt]."));
    assertThat(read.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("killing");
              assertThat(e.roles().stream().map(EventRole::role).toList())
                  .isEqualTo(List.of("perpetrator", "victim"));
              assertThat(e.roles().get(0).mention().text()).isEqualTo("Cassius");
            });
  }

  @Test
  void liveInBecomesAPersonsAddress() {
    LearnedReading read = step.read(Marked.sentence("[P Hamid Nouri] lives in [L Shiraz]."));
    assertThat(read.properties().stream().map(Marked::property).toList())
        .containsExactly("Hamid Nouri address Shiraz");
  }
}
