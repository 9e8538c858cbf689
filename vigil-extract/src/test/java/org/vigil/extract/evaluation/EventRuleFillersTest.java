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

  @Test
  void acronymActingInTheTextIsABody() {
    assertThat(EventRuleFillers.bodies("the attack carried out by the frl against the barracks"))
        .contains("frl");
  }

  @Test
  void rebelsOfADocumentWithOneBodyOfFightersAreThatBodys() {
    assertThat(
            EventRuleFillers.theOneFoughtFor(
                "frl guerrillas blew up a pylon. later the rebels attacked a post.",
                EventRuleFillers.bodies("frl guerrillas blew up a pylon.")))
        .hasValue("frl");
  }

  @Test
  void noBodyIsChosenAmongSeveralFoughtFor() {
    String text = "frl guerrillas and npl guerrillas clashed. the rebels attacked a post.";
    assertThat(EventRuleFillers.theOneFoughtFor(text, EventRuleFillers.bodies(text))).isEmpty();
  }

  @Test
  void rebelsTakeTheOneBodyInTheDocumentsFillers() {
    String text = "frl guerrillas blew up a pylon. later the rebels attacked a post.";
    AttackRoles.Filler rebels =
        new AttackRoles.Filler(AttackRoles.Role.PERPETRATOR_INDIVIDUAL, "the rebels", 43, 53);

    assertThat(EventRuleFillers.finish(text, java.util.List.of(rebels)))
        .extracting(AttackRoles.Filler::text)
        .containsExactly("the rebels", "frl");
  }

  @Test
  void describedInsurgentsOfADocumentAreOneChain() {
    AttackRoles.Filler guerrillas =
        new AttackRoles.Filler(AttackRoles.Role.PERPETRATOR_INDIVIDUAL, "the guerrillas", 0, 14);
    AttackRoles.Filler rebels =
        new AttackRoles.Filler(AttackRoles.Role.PERPETRATOR_INDIVIDUAL, "rebels", 40, 46);
    AttackRoles.Filler gunmen =
        new AttackRoles.Filler(AttackRoles.Role.PERPETRATOR_INDIVIDUAL, "two gunmen", 60, 70);

    assertThat(EventRuleFillers.insurgentsAsOneChain(java.util.List.of(guerrillas, rebels, gunmen)))
        .containsExactly(guerrillas, gunmen);
  }

  @Test
  void abstractThingsAttackedAreNoTargets() {
    EventRuleFillers rules =
        new EventRuleFillers(org.vigil.extract.syntax.DependencyParser.shared());

    assertThat(rules.find("the guerrillas attacked the economy and the power lines."))
        .filteredOn(f -> f.role() == AttackRoles.Role.TARGET)
        .extracting(AttackRoles.Filler::text)
        .containsExactly("power lines");
  }

  @Test
  void nameAfterAWordForWhoThePersonIsIsNamedThoughItEndsInS() {
    EventRuleFillers rules =
        new EventRuleFillers(org.vigil.extract.syntax.DependencyParser.shared());

    assertThat(
            rules.find("social democratic politician jorge alvarez cisneros was kidnapped today."))
        .filteredOn(f -> f.role() == AttackRoles.Role.VICTIM)
        .extracting(AttackRoles.Filler::text)
        .containsExactly("politician jorge alvarez cisneros");
  }
}
