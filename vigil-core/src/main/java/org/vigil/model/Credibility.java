/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

/**
 * The Admiralty code's grade of one piece of information, 1 (confirmed) to 6, in the words of the
 * MISP admiralty-scale taxonomy (predicate {@code information-credibility}).
 */
public enum Credibility {
  CONFIRMED(
      1,
      "Confirmed by other sources",
      "Confirmed by other independent sources; logical in itself; Consistent with other"
          + " information on the subject"),
  PROBABLY_TRUE(
      2,
      "Probably true",
      "Not confirmed; logical in itself; consistent with other information on the subject"),
  POSSIBLY_TRUE(
      3,
      "Possibly true",
      "Not confirmed; reasonably logical in itself; agrees with some other information on the"
          + " subject"),
  DOUBTFUL(
      4,
      "Doubtful",
      "Not confirmed; possible but not logical ; no other information on the subject"),
  IMPROBABLE(
      5,
      "Improbable",
      "Not confirmed; not logical in itself; contradicted by other information on the subject"),
  CANNOT_BE_JUDGED(
      6,
      "Truth cannot be judged",
      "No basis exists for evaluating the validity of the information");

  private final int grade;
  private final String expanded;
  private final String description;

  Credibility(int grade, String expanded, String description) {
    this.grade = grade;
    this.expanded = expanded;
    this.description = description;
  }

  public int grade() {
    return grade;
  }

  /** The taxonomy's name of the grade: "Confirmed by other sources". */
  public String expanded() {
    return expanded;
  }

  /** The taxonomy's description of the grade. */
  public String description() {
    return description;
  }

  /** The MISP tag: {@code admiralty-scale:information-credibility="1"}. */
  public String mispTag() {
    return "admiralty-scale:information-credibility=\"" + grade + "\"";
  }

  /**
   * The credibility with this grade.
   *
   * @throws InvalidValueException when the grade is not 1 to 6
   */
  public static Credibility ofGrade(int grade) {
    for (Credibility c : values()) {
      if (c.grade == grade) {
        return c;
      }
    }
    throw new InvalidValueException(
        "credibility grade "
            + grade
            + " is out of range; use 1 (confirmed) to 6 (cannot be judged)");
  }
}
