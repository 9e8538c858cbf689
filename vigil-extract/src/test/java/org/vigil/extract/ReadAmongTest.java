/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.syntax.DependencyParser;

class ReadAmongTest {
  private static final Extractor READER = Extractor.create().withParser(DependencyParser.shared());

  private static Mention given(String text, String words, MentionType type) {
    int start = text.indexOf(words);
    return new Mention(
        words,
        type,
        start,
        start + words.length(),
        "given:" + start,
        Optional.empty(),
        Optional.empty(),
        Mention.GIVEN,
        1.0);
  }

  @Test
  void relationsAreReadAmongTheGivenMentionsDescriptionsIncluded() {
    String text = "ISIL has killed 70 members of the Al Bu Nimr tribe.";
    Extraction read =
        READER.readAmong(
            text,
            List.of(
                given(text, "the Al Bu Nimr tribe", MentionType.ORGANIZATION),
                given(text, "70 members", MentionType.ORGANIZATION)));
    assertThat(read.mentions())
        .extracting(Mention::text)
        .containsExactly("70 members", "the Al Bu Nimr tribe");
    assertThat(read.relations())
        .extracting(
            r -> r.schema().ftmName() + " " + r.source().text() + " -> " + r.target().text())
        .containsExactly("Membership 70 members -> the Al Bu Nimr tribe");
  }

  @Test
  void nothingIsFoundBesideTheGivenMentions() {
    String text = "John Smith works for Reuters in London.";
    Extraction read =
        READER.readAmong(text, List.of(given(text, "Reuters", MentionType.ORGANIZATION)));
    assertThat(read.mentions()).extracting(Mention::text).containsExactly("Reuters");
    assertThat(read.relations()).isEmpty();
  }
}
