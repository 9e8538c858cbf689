/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadLedByTest {
  private final ReadLedBy rule = new ReadLedBy();

  @Test
  void bodyLedByAPersonHasThePersonAsLeader() {
    assertReads(
        rule,
        "Prosecutors in [L Rome] charged [O a smuggling ring] led by [P Marco Bellini].",
        "Employment Marco Bellini -> a smuggling ring (leader)");
  }

  @Test
  void participleSetOffByCommasAndCoordinatedStillFindsTheBody() {
    assertReads(
        rule,
        "[O This ring], backed by the army and led by [P Goran Vuk], has been linked to murders.",
        "Employment Goran Vuk -> This ring (leader)");
  }

  @Test
  void participleTheParserGaveASubjectIsStillPassiveWithItsByAgent() {
    assertReads(
        rule,
        "[O This cartel], led by the army and spearheaded by the smuggler [P Luis Ortega], has"
            + " been tied to murders in [L Mexico].",
        "Employment Luis Ortega -> This cartel (leader)");
  }

  @Test
  void passiveVerbGivesTheRoleOfItsVerb() {
    assertReads(
        rule,
        "[O The militia] was commanded by [P Ahmed Saleh] until 2019.",
        "Employment Ahmed Saleh -> The militia (commander)");
  }

  @Test
  void bodyLedByABodyIsItsUnit() {
    assertReads(
        rule,
        "[O The brigade] was founded by [O the Revolutionary Guards] in 1982.",
        "Membership The brigade -> the Revolutionary Guards (unit)");
  }

  @Test
  void talksLedBySomeoneMakeNoLink() {
    assertReads(rule, "The talks in [L Oslo] were led by [P Anna Berg].");
  }

  @Test
  void participleAfterACommaTellsOfTheBodyBeforeItWhereverTheParserHungIt() {
    assertReads(
        rule,
        "I welcome the accord between [O the Federal Government of Ruritania], led by Prime"
            + " Minister [P Jan Kowal], and [O the Northern Regional Council], represented by its"
            + " President [P Eva Lind], on oil exports.",
        "Employment Jan Kowal -> the Federal Government of Ruritania (leader)",
        "Employment Eva Lind -> the Northern Regional Council (representative)");
  }
}
