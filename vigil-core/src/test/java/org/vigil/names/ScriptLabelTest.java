/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptLabelTest {

  @Test
  void persianLettersTellPersianFromArabicInTheArabicScript() {
    assertThat(ScriptLabel.of("قاسم سلیمانی")).isEqualTo("Persian (Arabic script)");
    assertThat(ScriptLabel.of("پژمان")).isEqualTo("Persian (Arabic script)");
    assertThat(ScriptLabel.of("قاسم سليماني")).isEqualTo("Arabic");
  }

  @Test
  void otherScriptsAreNamedAndANameWithoutLettersHasNone() {
    assertThat(ScriptLabel.of("Qasem Soleimani")).isEqualTo("Latin");
    assertThat(ScriptLabel.of("Касем Сулеймани")).isEqualTo("Cyrillic");
    assertThat(ScriptLabel.of("12-34")).isEqualTo("none");
  }
}
