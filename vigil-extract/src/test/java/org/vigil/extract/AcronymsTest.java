/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcronymsTest {
  @Test
  void tokenisedPossessiveBeforeABracketIsNoCrash() {
    // CoNLL04 writes "Reagan 's": the "s" alone once lost its "'s" and ended before it began.
    assertThat(Acronyms.find("President Reagan 's National Security Council ( NSC ) met ."))
        .isNotNull();
  }

  @Test
  void longFormBeforeBracketedShortFormIsFound() {
    assertThat(Acronyms.find("the Ministry of Intelligence and Security (MOIS) said"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.longForm()).isEqualTo("Ministry of Intelligence and Security"));
  }
}
