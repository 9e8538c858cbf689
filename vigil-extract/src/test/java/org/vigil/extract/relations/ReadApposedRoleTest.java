/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadApposedRoleTest {
  private final ReadApposedRole rule = new ReadApposedRole();

  @Test
  void nameThenRoleOfOrganisationIsEmployment() {
    assertReads(
        rule,
        "[P Ali Rezaei], the spokesman of the [O Islamic Revolutionary Guard Corps], said on Monday"
            + " that the men had been arrested.",
        "Employment Ali Rezaei -> Islamic Revolutionary Guard Corps (spokesman)");
  }

  @Test
  void roleOfOrganisationThenNameIsEmployment() {
    assertReads(
        rule,
        "The [O Treasury]'s chief spokesman, [P Brian Nelson], announced the measures.",
        "Employment Brian Nelson -> Treasury (chief spokesman)");
  }

  @Test
  void relativeOfAPersonIsFamily() {
    assertReads(
        rule,
        "[P Fouad Mughniyeh], the brother of [P Imad Mughniyeh], was killed in 1994.",
        "Family Imad Mughniyeh -> Fouad Mughniyeh (brother)");
  }

  @Test
  void memberWordMakesMembership() {
    assertReads(
        rule,
        "[P Ahmad Kazemi], a member of [O Hezbollah], was seen in [L Beirut].",
        "Membership Ahmad Kazemi -> Hezbollah (member)");
  }

  @Test
  void apposedDescriptionWithoutRoleReadsNothing() {
    assertReads(rule, "[P Ahmad Kazemi], a man of [O Hezbollah], was seen in [L Beirut].");
  }

  @Test
  void officeNamedByDescriptionInAppositionIsTheNamesRole() {
    assertReads(
        rule,
        "Major [P Ana Ruiz], [T the commander] of [O the Coastal Border Guard], visited the port.",
        "Employment Ana Ruiz -> the Coastal Border Guard (commander)");
  }
}
