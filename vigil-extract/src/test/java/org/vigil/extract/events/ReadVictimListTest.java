/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class ReadVictimListTest {
  private final ReadVictimList rule = new ReadVictimList();

  @Test
  void victimsListedAfterTheCopulaWereKilled() {
    assertReads(
        rule,
        "The victims were [P Ignacio Ellacuria], [P Segundo Montes] and [P Julia Ramos].",
        "killing victim=Ignacio Ellacuria victim=Segundo Montes victim=Julia Ramos");
  }

  @Test
  void deadIdentifiedAsNamesWereKilled() {
    assertReads(
        rule,
        "The dead were identified as [P Jose Perez] and [P Juan Gomez].",
        "killing victim=Jose Perez victim=Juan Gomez");
  }

  @Test
  void woundedListedWereAttacked() {
    assertReads(
        rule,
        "The wounded are [P Mauricio Campos] and [P Concepcion Herrera], the sources added.",
        "attack victim=Mauricio Campos victim=Concepcion Herrera");
  }

  @Test
  void victimsWithoutNamesOrNotTheSubjectAreNoList() {
    assertReads(rule, "The victims were taken to a hospital in [L San Salvador].");
    assertReads(rule, "[P Maria Lopez] visited the wounded in [L Bogota].");
  }
}
