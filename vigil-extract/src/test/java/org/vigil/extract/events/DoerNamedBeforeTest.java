/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class DoerNamedBeforeTest {
  private final ReadNominalEvent rule = new ReadNominalEvent();

  @Test
  void bodyNamedBeforeTheDeedDidIt() {
    assertReads(
        rule,
        "Three soldiers were wounded during an [O FMLN] ambush in [L Guazapa].",
        "attack perpetrator=FMLN @Guazapa");
  }

  @Test
  void fightersNamedBeforeTheDeedDidIt() {
    assertReads(
        rule,
        "A [D rebel] attack on [D a coffee processing plant] was repelled.",
        "attack target=a coffee processing plant perpetrator=rebel");
  }

  @Test
  void placeOrKindBeforeTheDeedIsNoDoer() {
    assertReads(rule, "The [D embassy] bombing shocked [L Bogota].");
    assertReads(rule, "Nobody forgot the [O US Embassy] bombings of 1984.");
    assertReads(
        rule, "A [D terrorist] attack on [D the bank] was reported.", "attack target=the bank");
  }
}
