/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import java.util.Locale;

/** How a claimant holds what it says. */
public enum Stance {
  /** States it as fact. */
  ASSERTS,
  /** Says it is not so. */
  DENIES,
  /** Says it is so, as an accusation or a claim not yet shown. */
  ALLEGES,
  /** Says it may be so ("reportedly", "may have"). */
  SPECULATES;

  /** Whether this stance counts for the claim in corroboration: asserting or alleging it. */
  public boolean supports() {
    return this == ASSERTS || this == ALLEGES;
  }

  /** The stance's word, lower case: "asserts". */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads "asserts", "denies", "alleges" or "speculates", in either case.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static Stance parse(String text) {
    for (Stance s : values()) {
      if (s.word().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a stance; use asserts, denies, alleges or speculates");
  }
}
