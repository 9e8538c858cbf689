/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class ReadVerbEventTest {
  private final ReadVerbEvent rule = new ReadVerbEvent();

  @Test
  void activeArrestWithCoordinatedSubjectsAndPlace() {
    assertReads(
        rule,
        "[O Turkish police] arrested [P Ali Karimi] and [P Reza Nouri] in [L Istanbul] on Friday.",
        "arrest authority=Turkish police subject=Ali Karimi subject=Reza Nouri @Istanbul");
  }

  @Test
  void passiveKidnappingByAgents() {
    assertReads(
        rule,
        "[P Habib Chaab] was kidnapped by [O the Ministry of Intelligence] in [L Istanbul].",
        "kidnapping perpetrator=the Ministry of Intelligence victim=Habib Chaab @Istanbul");
  }

  @Test
  void sanctionNamesItsAuthorities() {
    assertReads(
        rule,
        "[O OFAC] and [O the UK] sanctioned [P Naji Sharifi-Zindashti] under counterterrorism"
            + " authorities.",
        "sanction authority=OFAC authority=the UK target=Naji Sharifi-Zindashti");
  }

  @Test
  void defectionFromAndTo() {
    assertReads(
        rule,
        "[P Colonel Ali Asghari] defected from [O the IRGC] to [L Germany] in 2023.",
        "defection defector=Colonel Ali Asghari from=the IRGC to=Germany");
  }

  @Test
  void negatedArrestIsDenied() {
    assertReads(
        rule,
        "[O The ministry] did not arrest [P John Smith].",
        "arrest authority=The ministry subject=John Smith (denied)");
  }

  @Test
  void triggerWithoutNamedParticipantsReadsNothing() {
    assertReads(rule, "Many people were arrested in the protests.");
  }

  @Test
  void whatExplodedIsTheWeaponAndWhereTheTarget() {
    assertReads(
        rule,
        "[M A car bomb] exploded at [O the Banco Popular branch] on Monday.",
        "attack weapon=A car bomb target=the Banco Popular branch");
  }

  @Test
  void woundingNamesItsVictimsAndArms() {
    assertReads(
        rule,
        "[O FMLN guerrillas] wounded [P Roberto Navas] with [M a machinegun].",
        "attack perpetrator=FMLN guerrillas victim=Roberto Navas weapon=a machinegun");
  }

  @Test
  void companionIsNoWeapon() {
    assertReads(
        rule, "[P Ali Karimi] was killed with [P his brother].", "killing victim=Ali Karimi");
  }

  @Test
  void armsUsedToKillAreTheWeaponAndTheirUserTheKiller() {
    assertReads(
        rule,
        "[O The CIA] used [M a car bomb] to kill [P Imad Mugniyah] in [L Damascus].",
        "killing weapon=a car bomb perpetrator=The CIA victim=Imad Mugniyah @Damascus");
  }

  @Test
  void armsTheAttackersUsedAreItsWeapon() {
    assertReads(
        rule,
        "[O FMLN] guerrillas, using [M mortars], attacked [O the El Paraiso power station].",
        "attack perpetrator=FMLN weapon=mortars target=the El Paraiso power station");
  }

  @Test
  void armsInTheDoersPlaceAreTheWeapon() {
    assertReads(
        rule,
        "[M A car bomb] killed [P Rafael Larios] in [L Santa Tecla].",
        "killing weapon=A car bomb victim=Rafael Larios @Santa Tecla");
  }

  @Test
  void theBodyADefectorIsOfIsWhatHeLeft() {
    assertReads(
        rule,
        "[D A senior officer] of [O the Ministry of Intelligence and Security] has defected to"
            + " [L Austria].",
        "defection defector=A senior officer to=Austria from=the Ministry of Intelligence and"
            + " Security @Austria");
  }

  @Test
  void aPlaceCapturedIsNoArrest() {
    assertReads(rule, "[O ISIS] captured [L Mosul] in June 2014.");
  }

  @Test
  void victimIsTheNameBesideTheDescriptionOfWhoWasShot() {
    assertReads(
        rule,
        "He attended the funeral of a party member, [P Vladimir Escobar], [D a municipal"
            + " official] who was shot this week.",
        "killing victim=Vladimir Escobar");
  }
}
