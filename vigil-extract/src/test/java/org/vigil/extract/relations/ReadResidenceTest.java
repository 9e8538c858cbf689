/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadResidenceTest {
  private final ReadResidence rule = new ReadResidence();

  @Test
  void personOfPlace() {
    assertReads(rule, "[P Paul Jones] of [L Dallas] said so.", "Paul Jones address Dallas");
  }

  @Test
  void personLivesInPlace() {
    assertReads(
        rule,
        "[P Masih Alinejad] lives in [L New York] with her family.",
        "Masih Alinejad address New York");
  }

  @Test
  void personBornInPlaceIsABirthplaceNotAnAddress() {
    assertReads(
        rule, "[P Leyla Karimi] was born in [L Tabriz] in 1971.", "Leyla Karimi birthPlace Tabriz");
  }

  @Test
  void theJurisdictionOfAnOfficeIsNoAddress() {
    assertReads(rule, "[L Canada] 's [T Minister of Finance] spoke to reporters on Monday.");
    assertReads(rule, "The [T President] of [L Ghana] addressed the assembly.");
  }

  @Test
  void theNameApposedToAnOfficeTakesWhereTheOfficeWasBorn() {
    assertReads(
        rule,
        "In 1929, the 12th [T President] of [L Ruritania], [P Anton Bauer], was born in [L Strelsau].",
        "Anton Bauer birthPlace Strelsau");
  }
}
