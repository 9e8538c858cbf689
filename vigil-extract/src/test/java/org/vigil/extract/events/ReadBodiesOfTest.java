/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class ReadBodiesOfTest {
  private final ReadBodiesOf rule = new ReadBodiesOf();

  @Test
  void bodiesOfPeopleFoundWereKilled() {
    assertReads(
        rule,
        "The bodies of [P Hector Oqueli] and [P Gilda Flores] were found in [L Cuilapa].",
        "killing victim=Hector Oqueli victim=Gilda Flores");
  }

  @Test
  void bodyOfAnOrganisationIsNoOneDead() {
    assertReads(rule, "The governing body of [O the union] met in [L Geneva].");
  }
}
