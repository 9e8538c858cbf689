/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntakeGuardTest {
  private final ProofOfWorkTest.MutableClock clock =
      new ProofOfWorkTest.MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  // small puzzles, so the test solves them quickly: 2 bits, 1 puzzle, 64 KiB
  private final IntakeLimits limits = new IntakeLimits(2, 3, 1, 64, 600, 5, 2, 10, 2);
  private final IntakeGuard guard =
      new IntakeGuard(limits, new SecureRandom(new byte[] {1}), clock);

  @Test
  void aFloodWithoutProofsFillsOnlyItsOwnBudgetAndAProvenTipStillGetsIn() {
    int admitted = 0;
    for (int i = 0; i < 500; i++) {
      ProofOfWork.Challenge c = guard.challenge(IntakeGuard.Door.TIP);
      if (guard.admit(IntakeGuard.Door.TIP, c.token(), "") instanceof IntakeGuard.Admitted) {
        admitted++;
      }
    }
    assertEquals(2, admitted);
    ProofOfWork.Challenge c = guard.challenge(IntakeGuard.Door.TIP);
    IntakeGuard.Admission a = guard.admit(IntakeGuard.Door.TIP, c.token(), ProofOfWork.solve(c));
    assertTrue(assertInstanceOf(IntakeGuard.Admitted.class, a).proven());
  }

  @Test
  void turnedAwayWithoutAProofSaysSoAndProvenTipsStopAtTheirCap() {
    for (int i = 0; i < 2; i++) {
      guard.admit(IntakeGuard.Door.TIP, "", "");
    }
    assertEquals(
        IntakeProblem.BUSY_UNPROVEN,
        assertInstanceOf(IntakeGuard.Turned.class, guard.admit(IntakeGuard.Door.TIP, "", ""))
            .problem());
    int proven = 0;
    IntakeGuard.Admission last = null;
    for (int i = 0; i < 7; i++) {
      ProofOfWork.Challenge c = guard.challenge(IntakeGuard.Door.TIP);
      last = guard.admit(IntakeGuard.Door.TIP, c.token(), ProofOfWork.solve(c));
      if (last instanceof IntakeGuard.Admitted) {
        proven++;
      }
    }
    assertEquals(5, proven);
    assertEquals(IntakeProblem.BUSY, assertInstanceOf(IntakeGuard.Turned.class, last).problem());
    assertEquals(7, guard.accepted(IntakeGuard.Door.TIP));
  }

  @Test
  void theBudgetFreesAfterAMinuteAndAPlaceGivenBackIsFreeAtOnce() {
    IntakeGuard.Admitted a =
        assertInstanceOf(IntakeGuard.Admitted.class, guard.admit(IntakeGuard.Door.TIP, "", ""));
    guard.admit(IntakeGuard.Door.TIP, "", "");
    assertInstanceOf(IntakeGuard.Turned.class, guard.admit(IntakeGuard.Door.TIP, "", ""));
    guard.giveBack(a);
    assertInstanceOf(IntakeGuard.Admitted.class, guard.admit(IntakeGuard.Door.TIP, "", ""));
    assertInstanceOf(IntakeGuard.Turned.class, guard.admit(IntakeGuard.Door.TIP, "", ""));
    clock.advance(Duration.ofSeconds(61));
    assertInstanceOf(IntakeGuard.Admitted.class, guard.admit(IntakeGuard.Door.TIP, "", ""));
  }

  @Test
  void theDifficultyRisesUnderLoadUpToItsCeilingAndFallsBack() {
    assertEquals(2, guard.difficulty(IntakeGuard.Door.TIP));
    for (int i = 0; i < 4; i++) { // half of 5 + 2
      guard.admit(IntakeGuard.Door.TIP, "", "");
    }
    assertEquals(3, guard.difficulty(IntakeGuard.Door.TIP));
    for (int i = 0; i < 100; i++) {
      guard.admit(IntakeGuard.Door.TIP, "", "");
    }
    assertEquals(5, guard.difficulty(IntakeGuard.Door.TIP));
    assertEquals(5, guard.challenge(IntakeGuard.Door.TIP).bits());
    assertEquals(2, guard.difficulty(IntakeGuard.Door.READ));
    clock.advance(Duration.ofSeconds(61));
    assertEquals(2, guard.difficulty(IntakeGuard.Door.TIP));
  }

  @Test
  void aProofMadeCheapBeforeTheDifficultyRoseGoesToTheSmallerBudget() {
    ProofOfWork.Challenge cheap = guard.challenge(IntakeGuard.Door.TIP);
    String answer = ProofOfWork.solve(cheap);
    for (int i = 0; i < 100; i++) {
      guard.admit(IntakeGuard.Door.TIP, "", "");
    }
    assertEquals(
        IntakeProblem.BUSY_UNPROVEN,
        assertInstanceOf(
                IntakeGuard.Turned.class, guard.admit(IntakeGuard.Door.TIP, cheap.token(), answer))
            .problem());
  }

  @Test
  void aReplayedOrForgedProofIsRefused() {
    ProofOfWork.Challenge c = guard.challenge(IntakeGuard.Door.TIP);
    String answer = ProofOfWork.solve(c);
    assertInstanceOf(
        IntakeGuard.Admitted.class, guard.admit(IntakeGuard.Door.TIP, c.token(), answer));
    assertEquals(
        IntakeProblem.PROOF_REJECTED,
        assertInstanceOf(
                IntakeGuard.Turned.class, guard.admit(IntakeGuard.Door.TIP, c.token(), answer))
            .problem());
    assertEquals(
        IntakeProblem.PROOF_REJECTED,
        assertInstanceOf(IntakeGuard.Turned.class, guard.admit(IntakeGuard.Door.TIP, "forged", "1"))
            .problem());
  }
}
