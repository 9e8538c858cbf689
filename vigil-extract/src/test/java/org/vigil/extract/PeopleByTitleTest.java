/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeopleByTitleTest {
  private static MentionType typeOf(String text, String name, MentionType read) {
    int start = text.indexOf(name);
    Mention m =
        new Mention(
            name,
            read,
            start,
            start + name.length(),
            "x",
            Optional.empty(),
            Optional.empty(),
            "corenlp:ner",
            0.9);
    return PeopleByTitle.apply(text, List.of(m)).get(0).type();
  }

  @Test
  void nameAfterAnOfficeIsAPerson() {
    assertThat(
            typeOf(
                "Booth, who assassinated President Lincoln, was an actor.",
                "Lincoln",
                MentionType.LOCATION))
        .isEqualTo(MentionType.PERSON);
  }

  @Test
  void nameWithAFormOfAddressIsAPerson() {
    assertThat(typeOf("Ms. Calico disappeared.", "Ms. Calico", MentionType.LOCATION))
        .isEqualTo(MentionType.PERSON);
    assertThat(typeOf("The Duchess of York came.", "Duchess of York", MentionType.ORGANIZATION))
        .isEqualTo(MentionType.PERSON);
  }

  @Test
  void nameAfterAnOccupationIsAPerson() {
    assertThat(
            typeOf(
                "In 1911, playwright Tennessee Williams was born.",
                "Tennessee Williams",
                MentionType.ORGANIZATION))
        .isEqualTo(MentionType.PERSON);
    assertThat(
            typeOf("The nationalist Gavrilo Princip fired.", "Gavrilo Princip", MentionType.MISC))
        .isEqualTo(MentionType.PERSON);
  }

  @Test
  void wordsThatLookLikeOccupationsAreNot() {
    assertThat(typeOf("The embargo against Vietnam ended.", "Vietnam", MentionType.LOCATION))
        .isEqualTo(MentionType.LOCATION);
  }

  @Test
  void bodyNamedAfterItsHeadStaysABody() {
    assertThat(
            typeOf(
                "He spoke to President Clinton Foundation staff.",
                "Clinton Foundation",
                MentionType.ORGANIZATION))
        .isEqualTo(MentionType.ORGANIZATION);
  }
}
