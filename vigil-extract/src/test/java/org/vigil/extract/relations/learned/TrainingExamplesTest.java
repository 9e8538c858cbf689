/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingExamplesTest {
  private static List<RelationLabel> labels(GoldSentence s) {
    return TrainingExamples.of(s, TinyCorpus.parsed(s)).stream()
        .map(TrainingExample::label)
        .toList();
  }

  @Test
  void eachCandidateIsTaughtItsGoldLabelElseNone() {
    GoldSentence s =
        TinyCorpus.gold(
            "[P Anna Berg] works for [O Siemens] in [L Munich].", "0 WORK_FOR 1", "1 BASED_IN 2");
    assertThat(labels(s))
        .containsExactly(
            RelationLabel.WORK_FOR, RelationLabel.NONE, RelationLabel.NONE, RelationLabel.BASED_IN);
  }

  @Test
  void aCorpusThatLabelsOnlySomePlacesTeachesNoUnlabelledPlace() {
    GoldSentence all =
        TinyCorpus.gold("[P Anna Berg] works for [O Siemens] in [L Munich].", "0 WORK_FOR 1");
    GoldSentence partial = new GoldSentence(all.text(), all.entities(), all.links(), true);
    assertThat(labels(partial)).containsExactly(RelationLabel.WORK_FOR, RelationLabel.NONE);
  }
}
