/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.extract.FoundMentions.found;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TribesTest {
  @Test
  void nameBeforeTribeOrClanIsABody() {
    String text = "Elders of the Bani Harb tribe and the Al-Qasim clan met in the town.";
    List<Mention> all =
        new ArrayList<>(
            List.of(
                found(text, "Bani Harb", MentionType.MISC),
                found(text, "Al-Qasim", MentionType.LOCATION)));

    Tribes.apply(text, all);

    assertThat(all).extracting(Mention::text).containsExactly("Bani Harb tribe", "Al-Qasim clan");
    assertThat(all).allSatisfy(m -> assertThat(m.type()).isEqualTo(MentionType.ORGANIZATION));
  }

  @Test
  void nameNotFollowedByTheWordStaysAsItWas() {
    String text = "Bani Harb elders met the tribal council.";
    List<Mention> all = new ArrayList<>(List.of(found(text, "Bani Harb", MentionType.MISC)));

    Tribes.apply(text, all);

    assertThat(all)
        .singleElement()
        .satisfies(m -> assertThat(m.type()).isEqualTo(MentionType.MISC));
  }
}
