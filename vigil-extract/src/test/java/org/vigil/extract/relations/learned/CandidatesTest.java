/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.relations.Marked;

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
