/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortNamesDefinedAsBodiesTest {
  private static Mention found(String text, String name, int from, MentionType type) {
    int start = text.indexOf(name, from);
    return new Mention(
        name,
        type,
        start,
        start + name.length(),
        EntityIds.forName(type, name),
        Optional.empty(),
        Optional.empty(),
        "crf",
        0.8);
  }

  @Test
  void shortNameInBracketsAfterABodyIsThatBodyEverywhere() {
    String text =
        "An officer of the Servicio Nacional (SEBIN) defected. She was abducted by agents of the"
            + " SEBIN.";
    List<Mention> read =
        ShortNamesDefinedAsBodies.apply(
            text,
            List.of(
                found(text, "SEBIN", 0, MentionType.ORGANIZATION),
                found(text, "SEBIN", 50, MentionType.LOCATION)));

    assertThat(read).extracting(Mention::type).containsOnly(MentionType.ORGANIZATION);
    assertThat(read.get(1).schema()).isPresent();
  }

  @Test
  void shortNameNeverBracketedKeepsItsType() {
    String text = "Officials of the UAE met the SEBIN chief in Caracas. The UAE said so.";
    List<Mention> read =
        ShortNamesDefinedAsBodies.apply(
            text,
            List.of(
                found(text, "UAE", 0, MentionType.ORGANIZATION),
                found(text, "UAE", 40, MentionType.LOCATION)));

    assertThat(read)
        .extracting(Mention::type)
        .containsExactly(MentionType.ORGANIZATION, MentionType.LOCATION);
  }
}
