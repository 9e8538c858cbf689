/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DropOpeningAdverbsTest {
  private static Mention person(String text, String name) {
    int at = text.indexOf(name);
    return new Mention(
        name,
        MentionType.PERSON,
        at,
        at + name.length(),
        "x",
        Optional.empty(),
        Optional.empty(),
        "corenlp:ner",
        0.9);
  }

  private static List<Mention> apply(String text, Mention m) {
    return DropOpeningAdverbs.apply(text, Sentences.split(text), List.of(m));
  }

  @Test
  void adverbInLyOpeningASentenceIsNoPerson() {
    String text = "Police made arrests. Separately, the ministry denied it.";

    assertThat(apply(text, person(text, "Separately"))).isEmpty();
  }

  @Test
  void linkingAdverbOpeningASentenceIsNoPerson() {
    String text = "Meanwhile, officials in Vienna said nothing.";

    assertThat(apply(text, person(text, "Meanwhile"))).isEmpty();
  }

  @Test
  void nameOpeningASentenceBeforeACommaStays() {
    String text = "Kelly, a former officer, left Tehran.";
    Mention kelly = person(text, "Kelly");

    assertThat(apply(text, kelly)).containsExactly(kelly);
  }

  @Test
  void adverbLikeWordInsideASentenceIsLeftToTheRecogniser() {
    String text = "The officer Separately, as he was called, left.";
    Mention m = person(text, "Separately");

    assertThat(apply(text, m)).containsExactly(m);
  }
}
