/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Extraction;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.relations.learned.ReadLearnedRelations;
import org.vigil.extract.relations.learned.RelationLabel;
import org.vigil.model.Schema;

class EndToEndThresholdsTest {
  private static final String TEXT = "Anna Berg of Oxfam lives in Oslo; Per Lund of Statoil too.";

  private static Mention mention(String text, MentionType type) {
    int start = TEXT.indexOf(text);
    return new Mention(
        text,
        type,
        start,
        start + text.length(),
        "e:" + text,
        Optional.empty(),
        Optional.empty(),
        "test",
        1.0);
  }

  private static Relation employment(String person, String body, String extractor, double p) {
    return new Relation(
        Schema.EMPLOYMENT,
        mention(person, MentionType.PERSON),
        mention(body, MentionType.ORGANIZATION),
        Optional.empty(),
        Optional.empty(),
        TEXT,
        0,
        TEXT.length(),
        p,
        extractor,
        false);
  }

  private static ExtractedProperty address(String person, String place, double p) {
    return new ExtractedProperty(
        mention(person, MentionType.PERSON),
        "address",
        place,
        TEXT,
        0,
        TEXT.length(),
        ReadLearnedRelations.EXTRACTOR,
        p);
  }

  @Test
  void theModelsFindingsUnderTheirLabelsThresholdAreLeftOutAndTheRulesAreKept() {
    Extraction x =
        new Extraction(
            List.of(),
            List.of(
                employment("Anna Berg", "Oxfam", ReadLearnedRelations.EXTRACTOR, 0.5),
                employment("Per Lund", "Statoil", ReadLearnedRelations.EXTRACTOR, 0.7),
                employment("Per Lund", "Oxfam", "rule:work-verb", 0.3)),
            List.of(),
            List.of(),
            List.of(),
            List.of(address("Anna Berg", "Oslo", 0.5)),
            List.of());
    Extraction kept =
        EndToEndThresholds.kept(x, Map.of(RelationLabel.WORK_FOR, 0.6, RelationLabel.LIVE_IN, 0.4));
    assertThat(kept.relations())
        .extracting(r -> r.source().text() + " " + r.target().text())
        .containsExactly("Per Lund Statoil", "Per Lund Oxfam");
    assertThat(kept.properties()).hasSize(1);
    assertThat(EndToEndThresholds.kept(x, Map.of(RelationLabel.LIVE_IN, 0.55)).properties())
        .isEmpty();
  }

  @Test
  void aFindingAnswersToTheLabelThatWritesIt() {
    Relation leader =
        new Relation(
            Schema.EMPLOYMENT,
            mention("Anna Berg", MentionType.PERSON),
            mention("Oxfam", MentionType.ORGANIZATION),
            Optional.of("leader"),
            Optional.empty(),
            TEXT,
            0,
            TEXT.length(),
            0.9,
            ReadLearnedRelations.EXTRACTOR,
            false);
    assertThat(EndToEndThresholds.label(leader)).contains(RelationLabel.IN_CHARGE_OF);
    assertThat(EndToEndThresholds.label(address("Anna Berg", "Oslo", 0.5)))
        .contains(RelationLabel.LIVE_IN);
  }

  @Test
  void theLabelsThatWriteOneFindingShareAGroup() {
    assertThat(EndToEndThresholds.GROUPS)
        .contains(List.of(RelationLabel.LIVE_IN, RelationLabel.RESIDENCE))
        .contains(List.of(RelationLabel.BASED_IN, RelationLabel.HEADQUARTERS));
    assertThat(EndToEndThresholds.GROUPS.stream().flatMap(List::stream).distinct().count())
        .isEqualTo(EndToEndThresholds.GROUPS.stream().mapToLong(List::size).sum());
  }
}
