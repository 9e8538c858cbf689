/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MilitaryUnitsTest {
  @Test
  void numberedAndNamedUnitsAreOrganisations() {
    List<Mention> units =
        MilitaryUnits.find(
            "Sgt. Ana Ruiz of Delta Battery, 4th Battalion, 77th Mountain Infantry Regiment,"
                + " served with the Third Army.");

    assertThat(units)
        .extracting(Mention::text)
        .containsExactly(
            "Delta Battery", "4th Battalion", "77th Mountain Infantry Regiment", "Third Army");
    assertThat(units).allSatisfy(u -> assertThat(u.type()).isEqualTo(MentionType.ORGANIZATION));
    // "4th Battalion" is a unit of some army: a description, no entity; a unit's own name is one.
    assertThat(units)
        .filteredOn(u -> u.schema().isPresent())
        .extracting(Mention::text)
        .containsExactly("77th Mountain Infantry Regiment");
  }

  @Test
  void wordsThatOnlyLookLikeUnitsAreNone() {
    assertThat(MilitaryUnits.find("The group met on the 4th floor. A battery of tests followed."))
        .isEmpty();
  }

  @Test
  void recogniserNamesInsideAUnitGiveWayToIt() {
    String text = "She joined the 9th Special Forces Group in May.";
    int start = text.indexOf("Special");
    List<Mention> all =
        new ArrayList<>(
            List.of(
                new Mention(
                    "Special Forces Group",
                    MentionType.ORGANIZATION,
                    start,
                    start + "Special Forces Group".length(),
                    "x",
                    Optional.empty(),
                    Optional.empty(),
                    "corenlp:ner",
                    0.9)));

    MilitaryUnits.add(text, all);

    assertThat(all).extracting(Mention::text).containsExactly("9th Special Forces Group");
  }

  @Test
  void echelonsRankUnits() {
    assertThat(MilitaryUnits.echelon("4th Battalion")).contains(3);
    assertThat(MilitaryUnits.echelon("2nd Brigade")).contains(5);
    assertThat(MilitaryUnits.echelon("the ministry")).isEmpty();
    assertThat(MilitaryUnits.isUnit("the 4th Battalion")).isTrue();
    assertThat(MilitaryUnits.isUnit("Free Syrian Army")).isFalse();
  }
}
