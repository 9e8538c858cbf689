/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The installation's secret from which each organisation's key for the ids of names read from text
 * is derived ({@link NameIdScope}, an HMAC key). With it kept outside the database (the application
 * keeps it in a file of the data folder), a partner who guesses a name cannot compute its id and
 * probe the store for it.
 *
 * <p>One key per process: the application installs its data folder's key before it reads or ingests
 * anything ({@link #use}). Until then a fixed built-in key is used, which gives reproducible ids
 * for libraries and tests but protects nothing. Thread-safe.
 */
public final class NameIdKey {
  /** The least key length accepted, in bytes. */
  public static final int MIN_BYTES = 32;

  private static final byte[] BUILT_IN =
      "vigil: names read without an installation key".getBytes(StandardCharsets.UTF_8);

  private static volatile byte[] current = BUILT_IN;

  private NameIdKey() {}

  /**
   * Makes {@code key} the key of every name id computed from now on in this process.
   *
   * @throws IllegalArgumentException if it is shorter than {@value #MIN_BYTES} bytes
   */
  public static void use(byte[] key) {
    if (key == null || key.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "a name id key needs at least "
              + MIN_BYTES
              + " bytes, not "
              + (key == null ? 0 : key.length));
    }
    current = Arrays.copyOf(key, key.length);
  }

  static byte[] current() {
    return current;
  }
}
