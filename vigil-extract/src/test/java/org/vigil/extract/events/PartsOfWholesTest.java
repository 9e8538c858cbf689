/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class PartsOfWholesTest {
  private final ReadVerbEvent rule = new ReadVerbEvent();

  @Test
  void woundedArmOfAPersonWoundedThePerson() {
    assertReads(
        rule, "The explosion wounded the arm of [P Beatriz Iero].", "attack victim=Beatriz Iero");
  }

  @Test
  void damagedDoorsOfABuildingDamagedTheBuilding() {
    assertReads(
        rule,
        "[D The guerrillas] damaged the doors of [D the offices].",
        "attack perpetrator=The guerrillas target=the offices");
  }

  @Test
  void partOfNothingNamedIsNoParticipant() {
    assertReads(
        rule,
        "[D Gunmen] shot [D the heart] of nobody named and broke [D the windows].",
        "killing perpetrator=Gunmen");
  }
}
