/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class ReadEscapeTest {
  private final ReadEscape rule = new ReadEscape();

  @Test
  void escapedFromAPrisonNamedOrNot() {
    assertReads(rule, "[P Ali Karimi] escaped from prison in March.", "escape subject=Ali Karimi");
    assertReads(
        rule,
        "[P Reza Nouri] escaped from [L Evin Prison] last week.",
        "escape subject=Reza Nouri");
  }

  @Test
  void fledCustodyAndBrokeOutOfJail() {
    assertReads(rule, "[P Ali Karimi] fled custody on 3 May 2021.", "escape subject=Ali Karimi");
    assertReads(rule, "[P Reza Nouri] broke out of jail.", "escape subject=Reza Nouri");
  }

  @Test
  void theEscapeOfAPersonFromJailAndAJailbreak() {
    assertReads(
        rule,
        "Officials confirmed [P Ali Karimi]'s escape from jail.",
        "escape subject=Ali Karimi");
    assertReads(
        rule,
        "The jailbreak of [P Reza Nouri] embarrassed the authorities.",
        "escape subject=Reza Nouri");
  }

  @Test
  void remainsOrIsAtLarge() {
    assertReads(rule, "[P Ali Karimi] remains at large.", "at large subject=Ali Karimi");
    assertReads(rule, "[P Reza Nouri] is still at large.", "at large subject=Reza Nouri");
  }

  @Test
  void fleeingACountryOrEscapingAnAttackIsNoEscapeFromCustody() {
    assertReads(rule, "[P Ali Karimi] fled [L Iran] in 2019.");
    assertReads(rule, "[P Reza Nouri] escaped an assassination attempt in [L Istanbul].");
    assertReads(rule, "[P Reza Nouri] broke the law.");
  }

  @Test
  void aDeniedEscapeIsDenied() {
    assertReads(
        rule, "[P Ali Karimi] did not escape from prison.", "escape subject=Ali Karimi (denied)");
  }
}
