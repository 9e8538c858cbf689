/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadMembershipTest {
  private final ReadMembership rule = new ReadMembership();

  @Test
  void assignedToAUnit() {
    assertReads(
        rule,
        "[P Booker] was assigned to [O 2nd Battalion] last year.",
        "Membership Booker -> 2nd Battalion");
  }

  @Test
  void workingAsPartOfACoalition() {
    assertReads(
        rule,
        "[L The UK] is working as part of [O the Global Coalition] to defeat [O ISIL].",
        "Membership The UK -> the Global Coalition");
  }

  @Test
  void aBodyThatIncludesAnother() {
    assertReads(
        rule,
        "[O The SDF], which includes [O the Syrian Arab Coalition], has made progress.",
        "Membership the Syrian Arab Coalition -> The SDF");
  }

  @Test
  void peopleFromAUnit() {
    assertReads(
        rule,
        "[D Officers] from [O the 3rd Battalion] visited the range.",
        "Membership Officers -> the 3rd Battalion");
  }

  @Test
  void aPlaceIsNoMemberOfWhatItIsAssignedTo() {
    assertReads(rule, "[L Raqqa] was assigned to [O the Wilayat].");
  }

  @Test
  void relativeClauseIsAboutTheNameApposedRightBeforeIt() {
    assertReads(
        rule,
        "With the support of the 30-nation [O Northern Coalition], [O the NDF], which includes"
            + " [O the Valley Brigades], has taken the town.",
        "Membership the Valley Brigades -> the NDF");
  }
}
