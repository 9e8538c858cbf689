/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

class MergeLearnedTest {
  private static final Mention ALI = mention("Ali Rezaei", MentionType.PERSON, 0);
  private static final Mention IRGC = mention("IRGC", MentionType.ORGANIZATION, 30);
  private static final Mention TEHRAN = mention("Tehran", MentionType.LOCATION, 40);

  private static Mention mention(String name, MentionType type, int start) {
    return new Mention(
        name,
        type,
        start,
        start + name.length(),
        "test:" + name,
        Optional.empty(),
        Optional.empty(),
        "test",
        1.0);
  }

  private static Relation link(
      Schema schema, Optional<String> role, double confidence, String extractor) {
    return new Relation(
        schema,
        ALI,
        IRGC,
        role,
        Optional.empty(),
        "Ali Rezaei, the spokesman of the IRGC",
        0,
        34,
        confidence,
        extractor,
        false);
  }

  @Test
  void theSameLinkIsKeptOnceWithTheHigherConfidenceAndTheRulesRole() {
    Relation rule = link(Schema.EMPLOYMENT, Optional.of("spokesman"), 0.6, "rule:apposed-role");
    Relation model = link(Schema.EMPLOYMENT, Optional.empty(), 0.9, ReadLearnedRelations.EXTRACTOR);
    List<Relation> merged = MergeLearned.relations(List.of(rule), List.of(model));
    assertThat(merged).hasSize(1);
    assertThat(merged.get(0).extractor()).isEqualTo(ReadLearnedRelations.EXTRACTOR);
    assertThat(merged.get(0).confidence()).isEqualTo(0.9);
    assertThat(merged.get(0).role()).contains("spokesman");
  }

  @Test
  void aRuleMoreConfidentThanTheModelKeepsItsLink() {
    Relation rule = link(Schema.EMPLOYMENT, Optional.empty(), 0.8, "rule:work-verb");
    Relation model = link(Schema.EMPLOYMENT, Optional.empty(), 0.5, ReadLearnedRelations.EXTRACTOR);
    assertThat(MergeLearned.relations(List.of(rule), List.of(model))).containsExactly(rule);
  }

  @Test
  void linksOfDifferentSchemataAreBothKept() {
    Relation rule = link(Schema.MEMBERSHIP, Optional.empty(), 0.8, "rule:work-verb");
    Relation model = link(Schema.EMPLOYMENT, Optional.empty(), 0.5, ReadLearnedRelations.EXTRACTOR);
    assertThat(MergeLearned.relations(List.of(rule), List.of(model))).containsExactly(rule, model);
  }

  @Test
  void theSamePropertyIsKeptOnceWithTheHigherConfidence() {
    ExtractedProperty rule =
        new ExtractedProperty(ALI, "address", "Tehran", "s", 0, 50, "rule:residence", 0.6);
    ExtractedProperty model =
        new ExtractedProperty(
            ALI, "address", "Tehran", "s", 0, 50, ReadLearnedRelations.EXTRACTOR, 0.7);
    ExtractedProperty other =
        new ExtractedProperty(IRGC, "address", TEHRAN.name(), "s", 0, 50, "rule:based-in", 0.6);
    assertThat(MergeLearned.properties(List.of(rule, other), List.of(model)))
        .containsExactly(model, other);
  }
}
