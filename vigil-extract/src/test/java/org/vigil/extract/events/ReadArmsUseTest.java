/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class ReadArmsUseTest {
  private final ReadArmsUse rule = new ReadArmsUse();

  @Test
  void bombPlacedAtABuildingIsAnAttackOnIt() {
    assertReads(
        rule,
        "[P Two men] placed [M a bomb] at [O the Banco Popular] on Monday.",
        "attack perpetrator=Two men weapon=a bomb target=the Banco Popular");
  }

  @Test
  void grenadesHurledAtAStation() {
    assertReads(
        rule,
        "[O ELN] guerrillas hurled [M grenades] at [O the Segovia police station].",
        "attack perpetrator=ELN weapon=grenades target=the Segovia police station");
  }

  @Test
  void plantedInThePassiveByItsDoer() {
    assertReads(
        rule,
        "[M A car bomb] was planted outside [O the Israeli embassy] by [O Hezbollah].",
        "attack perpetrator=Hezbollah weapon=A car bomb target=the Israeli embassy");
  }

  @Test
  void settingOrThrowingSomethingElseIsNoAttack() {
    assertReads(rule, "[O Siemens] placed an order with [O Alstom] in [L Paris].");
    assertReads(rule, "[P Maria Lopez] threw a party for [P Juan Perez].");
  }
}
