/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
  @Test
  void abbreviationsDoNotEndASentence() {
    String text = "Mr. D’Andrea ran the U.S. programme. The C.I.A. denied it! Was it true? Yes.";

    assertThat(Sentences.split(text))
        .extracting(Sentences.Sentence::text)
        .containsExactly(
            "Mr. D’Andrea ran the U.S. programme.",
            "The C.I.A. denied it!",
            "Was it true?",
            "Yes.");
  }

  @Test
  void sentenceSpansPointIntoTheText() {
    String text = "First line\n\nOn 29 January 2024, OFAC acted. It said “so.” Then more";

    for (Sentences.Sentence s : Sentences.split(text)) {
      assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
    }
    assertThat(Sentences.split(text)).hasSize(4);
  }
}
