/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import java.util.Locale;

/** The Admiralty code's grade of a source's reliability, A (completely reliable) to F. */
public enum Reliability {
  A("Completely reliable"),
  B("Usually reliable"),
  C("Fairly reliable"),
  D("Not usually reliable"),
  E("Unreliable"),
  F("Reliability cannot be judged");

  private final String description;

  Reliability(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /**
   * Reads "A" to "F", in either case.
   *
   * @throws InvalidValueException naming the text
   */
  public static Reliability parse(String text) {
    String code = text.strip().toUpperCase(Locale.ROOT);
    for (Reliability r : values()) {
      if (r.name().equals(code)) {
        return r;
      }
    }
    throw new InvalidValueException(
        "'" + text + "' is not a source reliability grade; use A (completely reliable) to F");
  }
}
