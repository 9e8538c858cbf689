/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import java.util.Locale;
import org.vigil.model.InvalidValueException;

/**
 * How likely an analyst judges an assessment, in the words of the MISP estimative-language taxonomy
 * (predicate {@code likelihood-probability}, after ICD 203), stored with its numeric range in
 * percent.
 */
public enum Likelihood {
  ALMOST_NO_CHANCE("almost-no-chance", "Almost no chance - remote - 01-05%", 1, 5),
  VERY_UNLIKELY("very-unlikely", "Very unlikely - highly improbable - 05-20%", 5, 20),
  UNLIKELY("unlikely", "Unlikely - improbable (improbably) - 20-45%", 20, 45),
  ROUGHLY_EVEN_CHANCE(
      "roughly-even-chance", "Roughly even change - roughly even odds - 45-55%", 45, 55),
  LIKELY("likely", "Likely - probable (probably) - 55-80%", 55, 80),
  VERY_LIKELY("very-likely", "Very likely - highly probable - 80-95%", 80, 95),
  ALMOST_CERTAIN("almost-certain", "Almost certain(ly) - nearly certain - 95-99%", 95, 99);

  private final String code;
  private final String expanded;
  private final int lowPercent;
  private final int highPercent;

  Likelihood(String code, String expanded, int lowPercent, int highPercent) {
    this.code = code;
    this.expanded = expanded;
    this.lowPercent = lowPercent;
    this.highPercent = highPercent;
  }

  /** The taxonomy's value: "almost-certain". */
  public String code() {
    return code;
  }

  /** The taxonomy's wording, with its range: "Likely - probable (probably) - 55-80%". */
  public String expanded() {
    return expanded;
  }

  /** The words an analyst writes: "almost certain". */
  public String words() {
    return code.replace('-', ' ');
  }

  public int lowPercent() {
    return lowPercent;
  }

  public int highPercent() {
    return highPercent;
  }

  /** The MISP tag: {@code estimative-language:likelihood-probability="likely"}. */
  public String mispTag() {
    return "estimative-language:likelihood-probability=\"" + code + "\"";
  }

  /**
   * Reads the taxonomy's value or its words ("almost certain", "almost-certain", "Likely").
   *
   * @throws InvalidValueException naming the text and the words allowed
   */
  public static Likelihood parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    for (Likelihood l : values()) {
      if (l.code.equals(t)) {
        return l;
      }
    }
    throw new InvalidValueException(
        "'"
            + text
            + "' is not a likelihood; use almost no chance, very unlikely, unlikely, roughly even"
            + " chance, likely, very likely or almost certain");
  }
}
