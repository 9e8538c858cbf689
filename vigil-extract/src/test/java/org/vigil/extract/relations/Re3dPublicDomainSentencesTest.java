/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sentences of US Central Command and US State Department press releases (works of the U.S.
 * Government, public domain; as published in the Dstl re3d data set, development half, see NOTICE)
 * with re3d's gold mentions marked, descriptions included, and the BelongsTo / InChargeOf links
 * re3d's annotators gave them: what the rules read when the mentions are given.
 */
class Re3dPublicDomainSentencesTest {
  private static List<String> read(String marked) {
    return RelationReading.relations(Marked.sentence(marked)).stream().map(Marked::link).toList();
  }

  @Test
  void officersFromAUnitBelongToIt() {
    // CENTCOM, re3d document 1B05F237...
    assertThat(
            read(
                "[O Noncommissioned officers] from each [O unit] were able to share knowledge from"
                    + " past experiences in an information exchange between [O subject matter"
                    + " experts]."))
        .contains("Membership Noncommissioned officers -> unit");
  }

  @Test
  void aSoldierAssignedToABattalionBelongsToIt() {
    // CENTCOM, re3d document 5FBCC6E1...
    assertThat(
            read(
                "[P Booker] was assigned to [O 2nd Battalion], [O 5th Special Forces Group], [L Fort"
                    + " Campbell], [L Kentucky]."))
        .contains("Membership Booker -> 2nd Battalion");
  }

  @Test
  void anEnvoyWhoLeadsADelegationIsInChargeOfIt() {
    // US State Department, re3d document 2C6CB502...
    assertThat(
            read(
                "[P Special Presidential Envoy for the Global Coalition to Counter ISIL Brett"
                    + " McGurk] will lead [O an interagency delegation] to [L Berlin], [L Germany]"
                    + " for a meeting on November 17."))
        .contains(
            "Employment Special Presidential Envoy for the Global Coalition to Counter ISIL Brett"
                + " McGurk -> an interagency delegation (leader)");
  }
}
