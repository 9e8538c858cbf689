/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadPlaceInPlaceTest {
  private final ReadPlaceInPlace rule = new ReadPlaceInPlace();

  @Test
  void cityCommaState() {
    assertReads(rule, "He was born in [L Dallas], [L Texas], in 1950.", "Dallas country Texas");
  }

  @Test
  void placesListedSideBySideAreNotInsideEachOther() {
    assertReads(
        rule,
        "The network carried out kidnappings spanning [L the Middle East], [L Europe], and"
            + " significantly, [L the United States].");
  }

  @Test
  void aTownWithItsStateInAListStillIsInIt() {
    assertReads(
        rule,
        "They met in [L Ocala], [L Florida], and later in [L Paris].",
        "Ocala country Florida");
  }
}
