/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class ReadNominalEventTest {
  private final ReadNominalEvent rule = new ReadNominalEvent();

  @Test
  void arrestOfByAuthority() {
    assertReads(
        rule,
        "The arrest of [P John Smith] by [O Iranian police] was reported on Monday.",
        "arrest authority=Iranian police subject=John Smith");
  }

  @Test
  void possessiveRecruitmentOfRecruit() {
    assertReads(
        rule,
        "[O The Quds Force]'s recruitment of [P Ali Karimi] began in 2019.",
        "recruitment recruiter=The Quds Force recruit=Ali Karimi");
  }

  @Test
  void attackCarriedOutByItsPerpetrator() {
    assertReads(
        rule,
        "[O Hezbollah] carried out the attack on [O the embassy] in [L Buenos Aires].",
        "attack target=the embassy perpetrator=Hezbollah");
  }

  @Test
  void attackCarriedOutByOnLowerCaseCopyWhereTheParserTakesTheParticipleForAVerb() {
    assertReads(
        new ReadNominalEvent(),
        "the government repudiates the terrorist attack carried out on 30 october by [O the fmln]"
            + " against [O the armed forces staff installations].",
        "attack perpetrator=the fmln target=the armed forces staff installations");
  }

  @Test
  void armsNamedBeforeTheAttackAreItsWeapon() {
    assertReads(
        rule,
        "[O The Shining Path] carried out a [M dynamite] attack on [O the power station].",
        "attack target=the power station weapon=dynamite perpetrator=The Shining Path");
  }

  @Test
  void theOneBlamedForAnAttackIsItsPerpetratorNotTheOneWhoBlames() {
    assertReads(
        rule,
        "[O The police] blamed [O the Medellin cartel] for the bombing of [O the DAS building].",
        "attack target=the DAS building perpetrator=the Medellin cartel");
  }

  @Test
  void whoeverClaimsResponsibilityIsThePerpetrator() {
    assertReads(
        rule,
        "[O The FMLN] claimed responsibility for the attack on [O the Sheraton Hotel].",
        "attack target=the Sheraton Hotel perpetrator=The FMLN");
  }

  @Test
  void anAttackAttributedToABodyIsItsDoing() {
    assertReads(
        rule,
        "The president attributed the attack to [O the Shining Path].",
        "attack perpetrator=the Shining Path");
  }
}
