/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadFromPlaceTest {
  private final ReadFromPlace rule = new ReadFromPlace();

  @Test
  void aPersonIsFromAPlace() {
    assertReads(rule, "[P Ann Cole] is from [L Dallas].", "Ann Cole address Dallas");
  }

  @Test
  void aPersonComesOrHailsFromAPlace() {
    assertReads(rule, "[P Ann Cole] comes from [L Dallas].", "Ann Cole address Dallas");
    assertReads(rule, "[P Omid Farahani] hails from [L Mashhad].", "Omid Farahani address Mashhad");
  }

  @Test
  void aPlacesNativeOrResidentBeforeTheName() {
    assertReads(rule, "[L Dallas] native [P Ann Cole] won.", "Ann Cole address Dallas");
  }

  @Test
  void aPlaceBeforeAnOccupationOrALocalOfficeBeforeTheName() {
    assertReads(
        rule, "[L Atlanta] businessman [P Neil Estes] said so.", "Neil Estes address Atlanta");
    assertReads(
        rule,
        "[L Illinois] Gov. [P James Thompson] signed the bill.",
        "James Thompson address Illinois");
  }

  @Test
  void anEnvoyOfACountryDoesNotLiveThere() {
    assertReads(rule, "[L U.S.] Ambassador [P John Kerrigan] arrived in Cairo.");
  }

  @Test
  void travelFromAPlaceIsNoAddress() {
    assertReads(rule, "[P Ann Cole] flew from [L Dallas] to Boston on Monday.");
    assertReads(rule, "[P Ann Cole] returned from [L Paris] last week.");
  }
}
