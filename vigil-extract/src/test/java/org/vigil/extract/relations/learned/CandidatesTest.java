/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Mention;
import org.vigil.extract.relations.Marked;
import org.vigil.extract.relations.MentionedSentence;

class CandidatesTest {
  private static List<String> pairs(String marked) {
    return Candidates.of(Marked.sentence(marked)).stream()
        .map(c -> c.head().text() + " > " + c.tail().text())
        .toList();
  }

  @Test
  void everyOrderedPairThatSomeRelationFitsIsACandidate() {
    assertThat(pairs("[P John Smith] works for [O Reuters] in [L London]."))
        .containsExactly(
            "John Smith > Reuters",
            "John Smith > London",
            "Reuters > John Smith",
            "Reuters > London");
  }

  @Test
  void aPlaceIsNeverTheHeadOfARelationWithAPerson() {
    assertThat(pairs("[L Paris] welcomed [P Jean Dupont].")).containsExactly("Jean Dupont > Paris");
  }

  @Test
  void descriptionsAreNotPaired() {
    assertThat(pairs("[P a spokesman] for [O Hezbollah] spoke to [P Ali Karimi]."))
        .containsExactly("Hezbollah > Ali Karimi", "Ali Karimi > Hezbollah");
  }

  @Test
  void givenDescriptionsArePaired() {
    MentionedSentence marked = Marked.sentence("[P a spokesman] for [O Hezbollah] spoke.");
    MentionedSentence given =
        new MentionedSentence(
            marked.parse(),
            marked.mentions().stream()
                .map(
                    m ->
                        new Mention(
                            m.text(),
                            m.type(),
                            m.start(),
                            m.end(),
                            m.entityId(),
                            m.schema(),
                            m.canonicalName(),
                            Mention.GIVEN,
                            1.0))
                .toList());
    assertThat(Candidates.of(given).stream().map(c -> c.head().text() + " > " + c.tail().text()))
        .containsExactly("a spokesman > Hezbollah", "Hezbollah > a spokesman");
  }

  @Test
  void aSentenceWithOneNameHasNoCandidate() {
    assertThat(pairs("[P Ali Karimi] left early.")).isEmpty();
  }

  @Test
  void candidatesNameTheWordThatHeadsEachMention() {
    Candidate c = Candidates.of(Marked.sentence("[P John Smith] works for [O Reuters].")).get(0);
    assertThat(c.headWord()).isEqualTo(1);
    assertThat(c.tailWord()).isEqualTo(4);
  }
}
