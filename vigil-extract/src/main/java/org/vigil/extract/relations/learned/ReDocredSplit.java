/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which Re-DocRED dev documents are held out for evaluation: those whose title's SHA-256 has a
 * first byte divisible by 3 (173 of the 500). Of the others, a quarter (by the second byte) choose
 * the model's C and threshold and the rest train it; the model sees none of the held-out ones, and
 * {@code vigil eval relations} scores every system on the held-out ones only, so no figure is
 * measured on text the model was trained on.
 */
public final class ReDocredSplit {
  private ReDocredSplit() {}

  /** Whether the document titled {@code title} is held out for evaluation. */
  public static boolean heldOut(String title) {
    return (digest(title)[0] & 0xff) % 3 == 0;
  }

  /**
   * Whether the document titled {@code title} chooses the model's C and threshold: a quarter of
   * those not held out, by the digest's second byte. The model's weights never see them.
   */
  public static boolean tuning(String title) {
    byte[] digest = digest(title);
    return (digest[0] & 0xff) % 3 != 0 && (digest[1] & 0xff) % 4 == 0;
  }

  /** Whether the model trains on the document titled {@code title}. */
  public static boolean training(String title) {
    return !heldOut(title) && !tuning(title);
  }

  private static byte[] digest(String title) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(title.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
