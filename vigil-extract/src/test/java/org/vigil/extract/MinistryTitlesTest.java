/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

class MinistryTitlesTest {
  private static final Gazetteer DICTIONARY =
      Gazetteer.of(
          "test",
          List.of(
              new GazetteerEntry(
                  "test-no-mod", Schema.PUBLIC_BODY, "Ministry of Defence", List.of())));

  @Test
  void ministerOfAFieldTheDictionaryKnowsNamesItsMinistry() {
    String text = "Ingrid Dahl has been Minister of Defence since 2019.";

    assertThat(MinistryTitles.find(text, DICTIONARY, List.of()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.text()).isEqualTo("Defence");
              assertThat(m.entityId()).isEqualTo("test-no-mod");
              assertThat(m.name()).isEqualTo("Ministry of Defence");
            });
  }

  @Test
  void ministerOfAFieldTheDictionaryDoesNotKnowNamesNothing() {
    assertThat(MinistryTitles.find("The Minister of Fisheries resigned.", DICTIONARY, List.of()))
        .isEmpty();
  }
}
