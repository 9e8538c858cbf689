/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

class ExplanationInWordsTest {

  private final NameMatcher matcher = new NameMatcher();

  private String inWords(String query, String candidate, Schema schema) {
    return matcher.compare(query, candidate, schema).explanation().inWords();
  }

  @Test
  void saysHowEachPartCorrespondsAndWhatIsMissing() {
    assertThat(inWords("Paul Davis", "CROSBY, David Paul", Schema.PERSON))
        .contains("\"paul\" is spelt the same in both names")
        .contains("\"davis\" and \"david\" differ by 1 letter, as a misspelling would")
        .contains("The list's name has \"crosby\", which the query does not")
        .contains("The score was lowered: family name not in query: crosby")
        .endsWith(".");
  }

  @Test
  void saysWhenEverythingCorrespondsAndWhatWasLeftOut() {
    assertThat(inWords("Mohammed Rezaei", "Muhammad REZAEI", Schema.PERSON))
        .contains("\"mohammed\" and \"muhammad\" are two spellings of one name")
        .contains("Every part of each name has its counterpart in the other");
    assertThat(inWords("OOO Sokol", "Sokol LLC", Schema.COMPANY))
        .contains("Legal forms were left out of the comparison: ooo, llc");
  }

  @Test
  void namesWithNothingInCommonSaySo() {
    assertThat(inWords("Anna Schmidt", "Ivan Petrov", Schema.PERSON))
        .startsWith("No part of the names corresponds");
  }
}
