/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

/**
 * The intake listener's abuse controls: its proof-of-work and its rate caps. Every cap is for the
 * whole listener (no caller is told apart from another), per 60 seconds.
 *
 * @param powBits zero bits each puzzle of the proof-of-work needs at rest (the difficulty)
 * @param powMaxExtraBits how many bits the difficulty may rise under load
 * @param powCount puzzles per challenge (several small ones keep a browser's time near the mean)
 * @param powMemoryKib Argon2id memory per attempt, KiB
 * @param powLifetimeSeconds how long a form's challenge may be answered
 * @param provenTipsPerMinute new tips and additions accepted with a right proof
 * @param unprovenTipsPerMinute those accepted without one (no JavaScript, an expired or too easy
 *     proof): a budget of their own, so a flood of them cannot use up the proven one
 * @param provenReadsPerMinute receipt checks (reading replies) with a right proof
 * @param unprovenReadsPerMinute receipt checks without one
 */
public record IntakeLimits(
    int powBits,
    int powMaxExtraBits,
    int powCount,
    int powMemoryKib,
    long powLifetimeSeconds,
    int provenTipsPerMinute,
    int unprovenTipsPerMinute,
    int provenReadsPerMinute,
    int unprovenReadsPerMinute) {

  /** 4 puzzles of 4 bits at 128 KiB (64 Argon2id runs on average), 30 + 6 tips a minute. */
  public static final IntakeLimits DEFAULT = new IntakeLimits(4, 3, 4, 128, 1800, 30, 6, 120, 20);

  public IntakeLimits {
    if (powBits < 0 || powMaxExtraBits < 0 || powBits + powMaxExtraBits > 24) {
      throw new IllegalArgumentException(
          "proof-of-work difficulty "
              + powBits
              + " + "
              + powMaxExtraBits
              + " is outside 0..24 bits");
    }
    if (powCount < 1 || powCount > 16 || powMemoryKib < 8 || powMemoryKib > 65_535) {
      throw new IllegalArgumentException(
          "proof-of-work of " + powCount + " puzzles at " + powMemoryKib + " KiB");
    }
    if (powLifetimeSeconds < 60) {
      throw new IllegalArgumentException(
          "a challenge's life of " + powLifetimeSeconds + " s is under a minute");
    }
    if (provenTipsPerMinute < 1
        || unprovenTipsPerMinute < 0
        || provenReadsPerMinute < 1
        || unprovenReadsPerMinute < 0) {
      throw new IllegalArgumentException(
          "intake rate caps "
              + provenTipsPerMinute
              + "/"
              + unprovenTipsPerMinute
              + " tips, "
              + provenReadsPerMinute
              + "/"
              + unprovenReadsPerMinute
              + " reads a minute");
    }
  }

  public IntakeLimits withPowBits(int bits) {
    return new IntakeLimits(
        bits,
        powMaxExtraBits,
        powCount,
        powMemoryKib,
        powLifetimeSeconds,
        provenTipsPerMinute,
        unprovenTipsPerMinute,
        provenReadsPerMinute,
        unprovenReadsPerMinute);
  }

  public IntakeLimits withTipsPerMinute(int proven, int unproven) {
    return new IntakeLimits(
        powBits,
        powMaxExtraBits,
        powCount,
        powMemoryKib,
        powLifetimeSeconds,
        proven,
        unproven,
        provenReadsPerMinute,
        unprovenReadsPerMinute);
  }
}
