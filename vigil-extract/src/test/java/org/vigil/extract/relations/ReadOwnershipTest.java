/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadOwnershipTest {
  private final ReadOwnership rule = new ReadOwnership();

  @Test
  void participleOwnedByAfterADescribingNoun() {
    assertReads(
        rule,
        "He joined [O FK Teleoptik], a club owned by [O FK Partizan], in 2009.",
        "Ownership FK Partizan -> FK Teleoptik");
  }

  @Test
  void copularCompanyOwnedBy() {
    assertReads(
        rule,
        "[O Outright Distribution] is a distribution company owned by [O Shed Media].",
        "Ownership Shed Media -> Outright Distribution");
  }

  @Test
  void subsidiaryOfItsOwner() {
    assertReads(
        rule,
        "[O Holden New Zealand Limited] is a subsidiary of [O General Motors].",
        "Ownership General Motors -> Holden New Zealand Limited");
  }

  @Test
  void acquiredAndSoldTo() {
    assertReads(
        rule,
        "[O Square Enix] acquired [O Taito Corporation] in 2005.",
        "Ownership Square Enix -> Taito Corporation");
    assertReads(rule, "In 1990 [O Enasa] was sold to [O Iveco].", "Ownership Iveco -> Enasa");
  }

  @Test
  void parentOwnsWhatItIsParentOf() {
    assertReads(
        rule,
        "[O ACE Aviation Holdings], the parent of [O Air Canada], kept a stake.",
        "Ownership ACE Aviation Holdings -> Air Canada");
  }

  @Test
  void noOneOwnsAPersonOrAPlace() {
    assertReads(rule, "[O Gazprom] bought land in [L Siberia].");
    assertReads(rule, "[P Ali Rezaei] was sold to [O the Taliban].");
  }
}
