/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * A tipster's receipt: 36 random characters of Crockford's base32 (180 bits), written as nine
 * groups of four ({@code 7KQ2-M9XD-...}) that are easy to copy by hand; case, spaces, dashes and
 * the look-alikes O/o (zero) and I/i/L/l (one) are forgiven when it is typed back. The first eight
 * characters are the locator, stored in the clear to find the tip; the other 28 (140 bits) are the
 * secret, stored only as an Argon2id hash. Its {@link #toString()} hides the secret.
 */
public final class Receipt {
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LOCATOR_CHARS = 8;
  static final int SECRET_CHARS = 28;
  static final int CHARS = LOCATOR_CHARS + SECRET_CHARS;

  private final String canonical;

  private Receipt(String canonical) {
    this.canonical = canonical;
  }

  /** A new receipt of {@value #CHARS} random characters. */
  public static Receipt generate(SecureRandom random) {
    StringBuilder b = new StringBuilder(CHARS);
    for (int i = 0; i < CHARS; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new Receipt(b.toString());
  }

  /** Reads a receipt as a person typed it back; empty if it cannot be one. */
  public static Optional<Receipt> parse(String typed) {
    if (typed == null || typed.length() > 200) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder(CHARS);
    for (int i = 0; i < typed.length(); i++) {
      char c = Character.toUpperCase(typed.charAt(i));
      if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (c == 'O') {
        c = '0';
      } else if (c == 'I' || c == 'L') {
        c = '1';
      }
      if (ALPHABET.indexOf(c) < 0) {
        return Optional.empty();
      }
      b.append(c);
    }
    return b.length() == CHARS ? Optional.of(new Receipt(b.toString())) : Optional.empty();
  }

  /** The part stored in the clear to find the tip. */
  public String locator() {
    return canonical.substring(0, LOCATOR_CHARS);
  }

  /** The part stored only as a hash. */
  String secret() {
    return canonical.substring(LOCATOR_CHARS);
  }

  /** The receipt to show once: groups of four joined by dashes. */
  public String grouped() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < CHARS; i += 4) {
      if (i > 0) {
        b.append('-');
      }
      b.append(canonical, i, i + 4);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "Receipt[" + locator() + "-...]";
  }
}
