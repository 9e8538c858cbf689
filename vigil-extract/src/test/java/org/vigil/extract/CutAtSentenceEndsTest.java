/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CutAtSentenceEndsTest {
  private static Mention org(String text, String name) {
    int at = text.indexOf(name);
    return new Mention(
        name,
        MentionType.ORGANIZATION,
        at,
        at + name.length(),
        "x",
        Optional.empty(),
        Optional.empty(),
        "corenlp:ner",
        0.9);
  }

  @Test
  void nameRunningAcrossALineBreakIsCutIntoTheNamesOnEitherSide() {
    String text = "Border Guard Command\nKurdish Smugglers were stopped near Urmia.";

    List<Mention> cut =
        CutAtSentenceEnds.apply(
            text, Sentences.split(text), List.of(org(text, "Command\nKurdish Smugglers")));

    assertThat(cut).extracting(Mention::text).containsExactly("Command", "Kurdish Smugglers");
  }

  @Test
  void nameRunningAcrossAFullStopIsCut() {
    String text = "He joined the Revolutionary Guards. Police said so.";

    List<Mention> cut =
        CutAtSentenceEnds.apply(
            text, Sentences.split(text), List.of(org(text, "Revolutionary Guards. Police")));

    assertThat(cut).extracting(Mention::text).containsExactly("Revolutionary Guards", "Police");
  }

  @Test
  void nameInsideOneSentenceIsKept() {
    String text = "He joined the Revolutionary Guards in 2009.";
    Mention guards = org(text, "Revolutionary Guards");

    assertThat(CutAtSentenceEnds.apply(text, Sentences.split(text), List.of(guards)))
        .containsExactly(guards);
  }
}
