/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganisationsByHeadTest {
  private static MentionType typeOf(String name, MentionType read) {
    Mention m =
        new Mention(
            name,
            read,
            0,
            name.length(),
            "x",
            Optional.empty(),
            Optional.empty(),
            "corenlp:ner",
            0.9);
    return OrganisationsByHead.apply(Places.shared(), List.of(m)).get(0).type();
  }

  @Test
  void placeNamedBodyIsABody() {
    assertThat(typeOf("Black Sea Fleet", MentionType.LOCATION)).isEqualTo(MentionType.ORGANIZATION);
    assertThat(typeOf("Parkland Memorial Hospital", MentionType.LOCATION))
        .isEqualTo(MentionType.ORGANIZATION);
  }

  @Test
  void placesAndPeopleStay() {
    assertThat(typeOf("Black Sea", MentionType.LOCATION)).isEqualTo(MentionType.LOCATION);
    assertThat(typeOf("Wiley Post", MentionType.PERSON)).isEqualTo(MentionType.PERSON);
  }
}
