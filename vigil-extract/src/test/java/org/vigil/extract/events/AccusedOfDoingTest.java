/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

class AccusedOfDoingTest {
  private final EventRule rule = EventReading::events;

  @Test
  void theAccusedIsTheDoerOfTheGerund() {
    assertReads(
        rule,
        "[P Ivan Petrov] was accused of kidnapping [P Olga Sidorova].",
        "kidnapping perpetrator=Ivan Petrov victim=Olga Sidorova");
  }

  @Test
  void theChargedIsTheDoerOfTheGerund() {
    assertReads(
        rule,
        "Prosecutors charged [P Ivan Petrov] with murdering [P Olga Sidorova].",
        "killing perpetrator=Ivan Petrov victim=Olga Sidorova");
  }

  @Test
  void theNounAnAccusingParticipleDescribesIsTheDoer() {
    assertReads(
        rule,
        "The court will try [O the Red Cell] members accused of assassinating [P Olga Sidorova].",
        "killing perpetrator=the Red Cell victim=Olga Sidorova");
  }

  @Test
  void aGerundAfterAnotherVerbHasNoAccusedDoer() {
    assertReads(rule, "[P Ivan Petrov] spoke of kidnapping [P Olga Sidorova].");
  }
}
