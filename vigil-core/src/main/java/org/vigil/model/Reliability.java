/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import java.util.Locale;

/**
 * The Admiralty code's grade of a source's reliability, A (completely reliable) to F, in the words
 * of the MISP admiralty-scale taxonomy (predicate {@code source-reliability}; its "g", deliberately
 * deceptive, is not part of the Admiralty code's A to F).
 */
public enum Reliability {
  A(
      "Completely reliable",
      "No doubt of authenticity, trustworthiness, or competency; has a history of complete"
          + " reliability"),
  B(
      "Usually reliable",
      "Minor doubt about authenticity, trustworthiness, or competency; has a history of valid"
          + " information most of the time"),
  C(
      "Fairly reliable",
      "Doubt of authenticity, trustworthiness, or competency but has provided valid information"
          + " in the past"),
  D(
      "Not usually reliable",
      "Significant doubt about authenticity, trustworthiness, or co mpetency but has provided"
          + " valid information in the past"),
  E(
      "Unreliable",
      "Lacking in authenticity, trustworthiness, and competency; history of invalid information"),
  F("Reliability cannot be judged", "No basis exists for evaluating the reliability of the source");

  private final String description;
  private final String explanation;

  Reliability(String description, String explanation) {
    this.description = description;
    this.explanation = explanation;
  }

  /** The taxonomy's name of the grade ("expanded"): "Usually reliable". */
  public String description() {
    return description;
  }

  /** The taxonomy's description of the grade. */
  public String explanation() {
    return explanation;
  }

  /** The taxonomy's code, lower case: "b". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The MISP tag: {@code admiralty-scale:source-reliability="b"}. */
  public String mispTag() {
    return "admiralty-scale:source-reliability=\"" + code() + "\"";
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
