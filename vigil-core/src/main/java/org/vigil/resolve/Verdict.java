/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import java.util.Locale;
import org.vigil.model.InvalidValueException;

/** What a judgement says of two records. */
public enum Verdict {
  SAME,
  DIFFERENT,
  UNSURE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads "same", "different" or "unsure", in any case.
   *
   * @throws InvalidValueException naming the text
   */
  public static Verdict parse(String text) {
    for (Verdict v : values()) {
      if (v.code().equalsIgnoreCase(text.strip())) {
        return v;
      }
    }
    throw new InvalidValueException(
        "unknown verdict '" + text + "'; use same, different or unsure");
  }
}
