/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadTiesTest {
  private final ReadTies rule = new ReadTies();

  @Test
  void tiesToBetweenPeopleIsAssociate() {
    assertReads(
        rule,
        "[P Ryan]'s ties to [P Zindashti] go back a decade.",
        "Associate Ryan -> Zindashti (tie)");
  }

  @Test
  void worksWithOrganisationIsUnknownLink() {
    assertReads(
        rule,
        "[P Zindashti] works with [O the Hells Angels] in [L Canada].",
        "UnknownLink Zindashti -> the Hells Angels (work)");
  }
}
