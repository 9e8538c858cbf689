/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadActingForTest {
  private final ReadActingFor rule = new ReadActingFor();

  @Test
  void actingOnBehalfOfABodyIsMembership() {
    assertReads(
        rule,
        "Investigators say [O the cartel] acted on behalf of [O the Venezuelan army].",
        "Membership the cartel -> the Venezuelan army (on behalf of)");
  }

  @Test
  void personWhoSpiedForAnAgencyIsItsMember() {
    assertReads(
        rule,
        "[P Piotr Nowak] spied for [O the GRU] for six years.",
        "Membership Piotr Nowak -> the GRU (spy for)");
  }

  @Test
  void actingForAPersonOrInAPlaceMakesNoMembership() {
    assertReads(rule, "[P Piotr Nowak] acted for [P Jan Kowal] in [L Gdansk].");
  }
}
