/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadNameOfOrganisationTest {
  private final ReadNameOfOrganisation rule = new ReadNameOfOrganisation();

  @Test
  void personOfOrganisationIsEmployment() {
    assertReads(
        rule,
        "\"It was a mistake,\" said [P Paul Jones] of [O the Pentagon].",
        "Employment Paul Jones -> the Pentagon");
  }

  @Test
  void personOfPlaceReadsNothing() {
    assertReads(rule, "[P Paul Jones] of [L Dallas] said so.");
  }
}
