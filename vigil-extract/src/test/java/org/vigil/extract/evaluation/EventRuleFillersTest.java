/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.extract.AttackRoles;

class EventRuleFillersTest {
  @Test
  void shortNameDefinedBesideAWordForABodyNamesABody() {
    assertThat(EventRuleFillers.bodies("the farabundo marti national liberation front (fmln) said"))
        .contains("fmln", "front");
    assertThat(EventRuleFillers.bodies("the eln (national liberation army) attacked"))
        .contains("eln");
  }

  @Test
  void hyphenatedShortNameIsKeptWhole() {
    assertThat(
            EventRuleFillers.bodies(
                "the fmln-fdr (farabundo marti national liberation front-revolutionary democratic"
                    + " front) said"))
        .contains("fmln-fdr")
        .doesNotContain("fdr");
  }

  @Test
  void wordInBracketsBesideOtherWordsIsNoBody() {
    assertThat(EventRuleFillers.bodies("the central american university (uca) rector"))
        .doesNotContain("uca");
  }

  @Test
  void guerrillasTakeTheBodyTheDocumentNamesThemWith() {
    String text =
        "the national liberation army (eln) claimed the attack. eln guerrillas fled. the"
            + " guerrillas used mortars.";
    AttackRoles.Filler guerrillas =
        new AttackRoles.Filler(AttackRoles.Role.PERPETRATOR_INDIVIDUAL, "the guerrillas", 70, 84);

    assertThat(EventRuleFillers.bodyNamedElsewhere(text, guerrillas))
        .hasValueSatisfying(b -> assertThat(b.text()).isEqualTo("eln"));
  }
}
