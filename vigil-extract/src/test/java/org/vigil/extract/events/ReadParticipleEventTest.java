/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class ReadParticipleEventTest {
  private final ReadParticipleEvent rule = new ReadParticipleEvent();

  @Test
  void byPhraseOfAParticipleDescribingANounIsTheDoer() {
    assertReads(
        rule,
        "[P Jose Ruiz] is the second mayor murdered by [O the Black Hand] this year.",
        "killing perpetrator=the Black Hand");
  }

  @Test
  void describedPartyIsTheOneDoneTo() {
    assertReads(
        rule,
        "Police named [P Jose Ruiz], [D the mayor] murdered by [O the Black Hand] in [L Cali].",
        "killing perpetrator=the Black Hand victim=the mayor");
  }

  @Test
  void subjectOfAReducedPassiveIsNotTheDoer() {
    assertReads(
        rule,
        "[D The mayor] murdered by [O the Black Hand] in [L Cali] was [P Jose Ruiz].",
        "killing perpetrator=the Black Hand victim=The mayor");
  }

  @Test
  void participleWithItsOwnSubjectIsTheVerbRulesPart() {
    assertReads(rule, "[O The Black Hand] killed [P Jose Ruiz] in [L Cali].");
  }

  @Test
  void participleOfNoEventReadsNothing() {
    assertReads(rule, "The report published by [O the Black Hand] named [P Jose Ruiz].");
  }
}
