/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {
  @Test
  void anyMinuteHoldsAtMostTheCapEvenAcrossTheSecondsItSlidesOver() {
    ProofOfWorkTest.MutableClock clock =
        new ProofOfWorkTest.MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    RateWindow w = new RateWindow(10, clock);
    int taken = 0;
    // 3 tries every 5 seconds for 5 minutes: never more than 10 in any 60 seconds
    java.util.ArrayDeque<Instant> accepted = new java.util.ArrayDeque<>();
    for (int step = 0; step < 60; step++) {
      for (int i = 0; i < 3; i++) {
        if (w.tryTake().isPresent()) {
          taken++;
          accepted.add(clock.instant());
        }
      }
      Instant now = clock.instant();
      accepted.removeIf(t -> !t.isAfter(now.minusSeconds(60)));
      assertTrue(accepted.size() <= 10, "at step " + step + ": " + accepted.size());
      clock.advance(Duration.ofSeconds(5));
    }
    assertTrue(taken >= 45, "taken " + taken);
  }

  @Test
  void aCapOfZeroAllowsNothing() {
    RateWindow w =
        new RateWindow(0, new ProofOfWorkTest.MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
    assertTrue(w.tryTake().isEmpty());
    assertEquals(0, w.used());
  }
}
