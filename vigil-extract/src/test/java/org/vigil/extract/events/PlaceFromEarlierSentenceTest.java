/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.Marked;

class PlaceFromEarlierSentenceTest {
  private static String placed(String earlier, String marked) {
    ExtractedEvent event = new ReadVerbEvent().read(Marked.sentence(marked)).get(0);
    return EventAssertions.written(
        PlaceFromEarlierSentence.placed(event, Marked.sentence(earlier)));
  }

  @Test
  void placeWhereTheVictimDisappearedPlacesHisAbduction() {
    assertThat(
            placed(
                "Days after his defection, his former driver, [P Markov], disappeared in"
                    + " [L Dubai].",
                "[P Markov] was allegedly abducted by [O the Federal Security Service]."))
        .isEqualTo("kidnapping perpetrator=the Federal Security Service victim=Markov @Dubai");
  }

  @Test
  void placeOfTheEventsOwnSentenceWins() {
    assertThat(
            placed(
                "[P Markov] disappeared in [L Dubai].",
                "[P Markov] was abducted by [O the FSB] in [L Istanbul]."))
        .endsWith("@Istanbul");
  }

  @Test
  void placeOfSomeoneElseIsNotTaken() {
    assertThat(
            placed(
                "[P Sorokin] lived in [L London].",
                "[P Markov] was abducted by [O the Federal Security Service]."))
        .doesNotContain("@");
  }
}
