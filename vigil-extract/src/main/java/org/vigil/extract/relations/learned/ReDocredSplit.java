/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which Re-DocRED dev documents are held out for evaluation: those whose title's SHA-256 has a
 * first byte divisible by 3 (173 of the 500). The relation model trains on the others only, and
 * {@code vigil eval relations} scores every system on the held-out ones only, so no figure is
 * measured on text the model was trained on.
 */
public final class ReDocredSplit {
  private ReDocredSplit() {}

  /** Whether the document titled {@code title} is held out for evaluation. */
  public static boolean heldOut(String title) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(title.getBytes(StandardCharsets.UTF_8));
      return (digest[0] & 0xff) % 3 == 0;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
