/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadUnitInUnitTest {
  private final ReadUnitInUnit rule = new ReadUnitInUnit();

  @Test
  void smallerUnitWrittenBeforeItsParentIsItsUnit() {
    assertReads(
        rule,
        "[P Dana Holt] was assigned to [O 4th Battalion], [O 77th Infantry Regiment], at [L Fort"
            + " Lee].",
        "Membership 4th Battalion -> 77th Infantry Regiment (unit)");
  }

  @Test
  void unitOfTheLargerUnit() {
    assertReads(
        rule,
        "Soldiers of [O Delta Battery] of the [O 2nd Battalion] fired the first rounds.",
        "Membership Delta Battery -> 2nd Battalion (unit)");
  }

  @Test
  void listOfUnitsInTheOtherOrderOrOfBodiesMakesNoLink() {
    assertReads(rule, "The [O 5th Brigade], [O 2nd Battalion] and others moved north.");
    assertReads(rule, "[O Jaish al-Islam], [O the Free Syrian Army] and others signed the truce.");
  }
}
