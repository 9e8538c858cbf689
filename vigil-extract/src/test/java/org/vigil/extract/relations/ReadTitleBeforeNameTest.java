/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadTitleBeforeNameTest {
  private final ReadTitleBeforeName rule = new ReadTitleBeforeName();

  @Test
  void possessiveOrganisationBeforeTitleAndName() {
    assertReads(
        rule,
        "[O Hezbollah]'s commander [P Imad Mughniyeh] was killed in [L Damascus] in 2008.",
        "Employment Imad Mughniyeh -> Hezbollah (commander)");
  }

  @Test
  void organisationNameAsTitleModifier() {
    assertReads(
        rule,
        "[O Quds Force] commander [P Qasem Soleimani] visited [L Baghdad] often.",
        "Employment Qasem Soleimani -> Quds Force (commander)");
  }

  @Test
  void relativeOfAPersonByPossessive() {
    assertReads(
        rule,
        "[P Zindashti]'s brother [P Ali Sharifi] was arrested in [L Istanbul].",
        "Family Zindashti -> Ali Sharifi (brother)");
  }
}
