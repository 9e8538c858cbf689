/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import java.util.Locale;
import org.vigil.model.InvalidValueException;

/** How one item of evidence bears on one hypothesis, in Heuer's matrix. */
public enum AchRating {
  CONSISTENT("C"),
  INCONSISTENT("I"),
  NEUTRAL("N"),
  NOT_APPLICABLE("NA");

  private final String code;

  AchRating(String code) {
    this.code = code;
  }

  /** The matrix's short code: C, I, N or NA. */
  public String code() {
    return code;
  }

  /**
   * Reads C, I, N, NA or the full word ("consistent", "not_applicable"), in either case.
   *
   * @throws InvalidValueException naming the text
   */
  public static AchRating parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    for (AchRating r : values()) {
      if (r.code.equals(t) || r.name().equals(t)) {
        return r;
      }
    }
    throw new InvalidValueException(
        "'" + text + "' is not a rating; use C (consistent), I (inconsistent), N (neutral) or NA");
  }
}
