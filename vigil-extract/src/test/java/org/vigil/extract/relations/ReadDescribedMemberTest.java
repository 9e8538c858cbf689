/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadDescribedMemberTest {
  private final ReadDescribedMember rule = new ReadDescribedMember();

  @Test
  void membersOfABodyAreAPartyOfTheirOwn() {
    assertReads(
        rule,
        "Gunmen abducted 12 members of [O the Shammar tribe] near [L Hatra].",
        "Membership 12 members -> the Shammar tribe (members)");
  }

  @Test
  void seniorOfficialsOfAMinistryAreItsMembersAsABody() {
    assertReads(
        rule,
        "The envoy met senior officials of [O the Interior Ministry] on Tuesday.",
        "Membership senior officials -> the Interior Ministry (senior officials)");
  }

  @Test
  void leaderDescribedByTheBodyItLeads() {
    assertReads(
        rule,
        "The commander of [O the 7th Brigade] was wounded in the attack.",
        "Employment The commander -> the 7th Brigade (commander)");
  }

  @Test
  void partnersInABodyAndAUnitOfOne() {
    assertReads(
        rule,
        "Our partners in [O the Arab League] have sent aid to the town.",
        "Membership Our partners -> the Arab League (partner)");
    assertReads(
        rule,
        "A unit of [O the Republican Guard] shelled the town.",
        "Membership A unit -> the Republican Guard (unit)");
  }

  @Test
  void descriptionSetBesideANameIsLeftToTheNameRules() {
    assertReads(rule, "[P Omar Haddad], the commander of [O the 7th Brigade], was wounded.");
    assertReads(rule, "[P Omar Haddad] is a member of [O the council].");
    assertReads(rule, "[O Hezbollah] commander [P Imad Saleh] was killed.");
  }

  @Test
  void bodyThatOnlyModifiesTheDescriptionMakesNoLink() {
    assertReads(rule, "Airstrikes hit [O ISIL] fighters near [L Mosul].");
    assertReads(rule, "A [O Foreign Office] spokesman said the talks would go on.");
  }
}
