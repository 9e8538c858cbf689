/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.relations.Marked;
import org.vigil.extract.relations.MentionedSentence;

class PairFeaturesTest {
  private static List<String> features(String marked, String head, String tail) {
    MentionedSentence s = Marked.sentence(marked);
    Candidate c =
        Candidates.of(s).stream()
            .filter(x -> x.head().text().equals(head) && x.tail().text().equals(tail))
            .findFirst()
            .orElseThrow();
    return PairFeatures.of(s, c);
  }

  @Test
  void workForReadsThePathTheWordsBetweenTheTypesAndTheTrigger() {
    assertThat(features("[P John Smith] works for [O Reuters].", "John Smith", "Reuters"))
        .contains(
            "types=PERSON>ORGANIZATION",
            "order=head-first",
            "between=work",
            "between=for",
            "between-all=work for",
            "path=↑nsubj↓obl:for",
            "path-words=↑nsubj work ↓obl:for",
            "trigger=work",
            "types+trigger=PERSON>ORGANIZATION|work",
            "before=<s>",
            "after=.",
            "head-word=smith",
            "tail-word=reuters",
            "gap=2",
            "path-length=2");
  }

  @Test
  void theReversedPairSaysItsTailComesFirst() {
    assertThat(features("[P John Smith] works for [O Reuters].", "Reuters", "John Smith"))
        .contains(
            "types=ORGANIZATION>PERSON",
            "order=tail-first",
            "between-all=work for <",
            "path=↑obl:for↓nsubj");
  }

  @Test
  void namesBetweenAreCounted() {
    assertThat(
            features(
                "[P Ali Karimi] met [P Hassan Nouri] and [P Reza Amini] in [L Tehran].",
                "Ali Karimi",
                "Tehran"))
        .contains("mentions-between=2");
  }

  @Test
  void theSamePairAlwaysGivesTheSameFeaturesInTheSameOrder() {
    String s = "[P Jack Ruby] shot [P Lee Oswald] in [L Dallas].";
    assertThat(features(s, "Jack Ruby", "Lee Oswald"))
        .containsExactlyElementsOf(features(s, "Jack Ruby", "Lee Oswald"));
  }
}
