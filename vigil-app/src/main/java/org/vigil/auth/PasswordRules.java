/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import org.vigil.model.InvalidValueException;

/** What a new password must satisfy. Length is what counts; composition rules are not imposed. */
public final class PasswordRules {
  public static final int MIN_LENGTH = 12;

  /** Argon2 takes any length, but an unbounded one would let a caller burn memory and time. */
  public static final int MAX_LENGTH = 1_024;

  private PasswordRules() {}

  /**
   * Checks a password chosen by a person.
   *
   * @throws InvalidValueException saying what is wrong (never echoing the password)
   */
  public static String checkNew(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new InvalidValueException(
          "the password has " + length + " characters; it needs at least " + MIN_LENGTH);
    }
    if (length > MAX_LENGTH) {
      throw new InvalidValueException(
          "the password has " + length + " characters; the limit is " + MAX_LENGTH);
    }
    if (password.isBlank()) {
      throw new InvalidValueException("the password is only white space");
    }
    return password;
  }
}
