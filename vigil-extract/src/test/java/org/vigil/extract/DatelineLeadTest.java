/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatelineLeadTest {
  private static String body(String sentence) {
    return sentence.substring(DatelineLead.bodyStart(sentence));
  }

  @Test
  void placeAndDateBeforeADashAreNoPartOfTheSentence() {
    assertThat(body("VIENNA, 3 March 2026 - A senior officer has defected to Austria."))
        .isEqualTo("A senior officer has defected to Austria.");
    assertThat(body("NEW DELHI, 14 May \u2013 Police arrested two men."))
        .isEqualTo("Police arrested two men.");
  }

  @Test
  void agencyInBracketsEndsTheDateline() {
    assertThat(body("BRISBANE, Australia (AP) - Gunmen shot a guard."))
        .isEqualTo("Gunmen shot a guard.");
    assertThat(body("KABUL (Reuters) -- A bomb exploded.")).isEqualTo("A bomb exploded.");
  }

  @Test
  void sentencesWithoutADatelineAreWhole() {
    assertThat(body("NATO - the alliance - said nothing."))
        .isEqualTo("NATO - the alliance - said nothing.");
    assertThat(body("US-backed forces, officials said, took the town."))
        .isEqualTo("US-backed forces, officials said, took the town.");
    assertThat(body("The FSB, Russia's security service - not the army - denied it."))
        .isEqualTo("The FSB, Russia's security service - not the army - denied it.");
  }
}
