/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final ProofOfWork pow = new ProofOfWork(seeded(), clock, 600);

  @Test
  void aRightAnswerIsAcceptedOnceAndItsReplayIsRefused() {
    ProofOfWork.Challenge c = pow.issue(3, 2, 64);
    String answer = ProofOfWork.solve(c);
    assertEquals(ProofOfWork.Verdict.VALID, pow.verify(c.token(), answer));
    assertEquals(ProofOfWork.Verdict.REPLAYED, pow.verify(c.token(), answer));
    assertEquals(3, pow.bitsOf(c.token()));
  }

  @Test
  void noAnswerIsNoneNotAnError() {
    ProofOfWork.Challenge c = pow.issue(3, 2, 64);
    assertEquals(ProofOfWork.Verdict.NONE, pow.verify(c.token(), ""));
    assertEquals(ProofOfWork.Verdict.NONE, pow.verify("", null));
  }

  @Test
  void aWrongAnswerIsInvalid() {
    ProofOfWork.Challenge c = pow.issue(8, 2, 64);
    String answer = ProofOfWork.solve(c);
    String[] n = answer.split(",");
    String wrong = n[0] + "," + (Long.parseLong(n[1]) + 1);
    // n[1] + 1 could solve it by chance: 1 in 256; the seeded draw here does not
    assertEquals(ProofOfWork.Verdict.INVALID, pow.verify(c.token(), wrong));
    assertEquals(ProofOfWork.Verdict.INVALID, pow.verify(c.token(), "1,2,3"));
    assertEquals(ProofOfWork.Verdict.INVALID, pow.verify(c.token(), "x,y"));
    assertEquals(ProofOfWork.Verdict.INVALID, pow.verify(c.token(), "-1,5"));
    assertEquals(ProofOfWork.Verdict.INVALID, pow.verify(c.token(), "99999999999,5"));
    // the right answer still works after wrong ones: they spent nothing
    assertEquals(ProofOfWork.Verdict.VALID, pow.verify(c.token(), answer));
  }

  @Test
  void aChallengeAlteredOrFromAnotherServerIsInvalid() {
    ProofOfWork.Challenge c = pow.issue(2, 1, 64);
    byte[] raw = Base64.getUrlDecoder().decode(c.token());
    raw[1] = 0; // claims 0 bits: anything would solve it
    String lowered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    assertEquals(ProofOfWork.Verdict.INVALID, pow.verify(lowered, "0"));

    ProofOfWork other = new ProofOfWork(new SecureRandom(new byte[] {9}), clock, 600);
    ProofOfWork.Challenge theirs = other.issue(2, 1, 64);
    assertEquals(
        ProofOfWork.Verdict.INVALID, pow.verify(theirs.token(), ProofOfWork.solve(theirs)));
    assertEquals(ProofOfWork.Verdict.INVALID, pow.verify("not a challenge", "1"));
    assertEquals(ProofOfWork.Verdict.INVALID, pow.verify("A".repeat(5000), "1"));
  }

  @Test
  void anAnswerPastTheChallengesLifeCountsAsNoneAndSpendsNothing() {
    ProofOfWork.Challenge c = pow.issue(2, 1, 64);
    String answer = ProofOfWork.solve(c);
    clock.advance(Duration.ofSeconds(601));
    assertEquals(ProofOfWork.Verdict.EXPIRED, pow.verify(c.token(), answer));
    assertEquals(0, pow.remembered());
  }

  @Test
  void challengesAreRandomAndSayNothingOfTheCaller() {
    ProofOfWork.Challenge a = pow.issue(4, 4, 256);
    ProofOfWork.Challenge b = pow.issue(4, 4, 256);
    assertNotEquals(a.token(), b.token());
    // version, bits, count, memory, expiry, 16 random bytes, 16 of MAC: nothing else fits
    assertEquals(45, Base64.getUrlDecoder().decode(a.token()).length);
  }

  @Test
  void theServersTagsAreTheOnesTheBrowsersSolverComputes() {
    // Computed by pow.js (node, and the same code in Chromium): the solver and the server agree on
    // Argon2id, its parameters and the password's layout, or no browser's proof would verify.
    assertEquals(
        "ba49e6722ad9fffaf8655449e12a8bb4bfd934e059d56fed674f0a0a24a3d637",
        java.util.HexFormat.of().formatHex(ProofOfWork.tag(new byte[16], 0, 0, 64)));
    byte[] token = new byte[45];
    java.util.Arrays.fill(token, (byte) 3);
    assertEquals(
        "17109aad14741e3612e2f1805f347ea9eac0d38727fb2141c18c370af516fb80",
        java.util.HexFormat.of().formatHex(ProofOfWork.tag(token, 1, 7, 256)));
  }

  @Test
  void sizesOutsideTheLimitsAreRefusedWithTheirValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pow.issue(30, 1, 64));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("30 bits"), e.getMessage());
  }

  private static SecureRandom seeded() {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(42);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
