/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.vigil.extract.AttackRoles.Role;

class AttackRolesTest {
  @Test
  void wireStoryInLowerCaseGivesPerpetratorsVictimTargetAndWeapon() {
    String text =
        "heavily armed men killed mayor jose rodriguez yesterday. members of the shining path"
            + " bombed the national police station with a car bomb.";

    assertThat(AttackRoles.find(text))
        .extracting(AttackRoles.Filler::role, AttackRoles.Filler::text)
        .contains(
            tuple(Role.PERPETRATOR_INDIVIDUAL, "heavily armed men"),
            tuple(Role.VICTIM, "mayor jose rodriguez"),
            tuple(Role.PERPETRATOR_ORGANIZATION, "shining path"),
            tuple(Role.WEAPON, "car bomb"),
            tuple(Role.TARGET, "national police station"));
  }

  @Test
  void sentenceWithoutAnAttackGivesNoFillers() {
    assertThat(AttackRoles.find("the guerrillas met the government at the table in caracas."))
        .isEmpty();
  }

  @Test
  void passiveVictimBeforeTheVerbIsFound() {
    assertThat(AttackRoles.find("the bank manager was shot by gunmen."))
        .extracting(AttackRoles.Filler::role, AttackRoles.Filler::text)
        .contains(tuple(Role.VICTIM, "bank manager"), tuple(Role.PERPETRATOR_INDIVIDUAL, "gunmen"));
  }
}
